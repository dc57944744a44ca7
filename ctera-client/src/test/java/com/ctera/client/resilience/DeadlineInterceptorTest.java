package com.ctera.client.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraDeadlineExceededException;
import com.ctera.client.pipeline.CallContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The overall deadline: each call fails at its own deadline, and quick calls cost no timer task each. */
class DeadlineInterceptorTest {

    private static final CallContext CALL = new CallContext("p", new CteraOperation("users.get", true));

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void eachCallFailsAtItsOwnDeadline() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofMillis(300), time);
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        deadline.intercept(CALL, Mono.never()).subscribe(value -> { }, error -> first.incrementAndGet());
        time.advanceTimeBy(Duration.ofMillis(100));
        deadline.intercept(CALL, Mono.never()).subscribe(value -> { }, error -> second.incrementAndGet());
        assertThat(deadline.callsInFlight()).isEqualTo(2);
        time.advanceTimeBy(Duration.ofMillis(199));
        assertThat(first).hasValue(0);
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(first).hasValue(1);
        assertThat(second).hasValue(0);
        time.advanceTimeBy(Duration.ofMillis(99));
        assertThat(second).hasValue(0);
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(second).hasValue(1);
        assertThat(deadline.callsInFlight()).isZero();
    }

    @Test
    void aLateCallFailsWithTheDeadlineNamedAndAQuickOneIsUntouched() {
        StepVerifier.withVirtualTime(() -> {
            DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofSeconds(2), VirtualTimeScheduler.get());
            return deadline.intercept(CALL, Mono.just("quick"))
                .concatWith(deadline.intercept(CALL, Mono.delay(Duration.ofSeconds(3)).thenReturn("late")));
        })
            .expectNext("quick")
            .thenAwait(Duration.ofSeconds(2))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CteraDeadlineExceededException.class)
                .hasMessageContaining("users.get failed: no result within the overall deadline of PT2S"))
            .verify(WAIT);
    }

    @Test
    void manyQuickCallsShareOneTimerTaskAndLeaveNothingBehind() {
        CountingScheduler timer = new CountingScheduler(VirtualTimeScheduler.create());
        DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofSeconds(60), timer);
        for (int i = 0; i < 1000; i++) {
            assertThat(deadline.intercept(CALL, Mono.just(i)).block(WAIT)).isEqualTo(i);
        }
        assertThat(deadline.callsInFlight()).isZero();
        assertThat(timer.timedTasks).hasValue(1);
        // A call started after the armed task fired, with nothing in flight, arms a new one and still times out.
        timer.delegate.advanceTimeBy(Duration.ofSeconds(61));
        AtomicInteger failed = new AtomicInteger();
        deadline.intercept(CALL, Mono.never()).subscribe(value -> { }, error -> failed.incrementAndGet());
        timer.delegate.advanceTimeBy(Duration.ofSeconds(60));
        assertThat(failed).hasValue(1);
        assertThat(timer.timedTasks).hasValue(2);
    }

    @Test
    void onTheMonotonicClockALateCallFailsNoSoonerThanItsDeadline() {
        DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofMillis(200));
        assertThat(deadline.intercept(CALL, Mono.just("quick")).block(WAIT)).isEqualTo("quick");
        long start = System.nanoTime();
        assertThatThrownBy(() -> deadline.intercept(CALL, Mono.never()).block(WAIT))
            .isInstanceOf(CteraDeadlineExceededException.class)
            .hasMessageContaining("overall deadline of PT0.2S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(deadline.callsInFlight()).isZero();
    }

    @Test
    void aCallPastItsDeadlineIsCancelled() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofMillis(300), time);
        AtomicInteger cancelled = new AtomicInteger();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        deadline.intercept(CALL, Mono.never().doOnCancel(cancelled::incrementAndGet))
            .subscribe(value -> { }, errors::add);
        time.advanceTimeBy(Duration.ofMillis(300));
        assertThat(cancelled).hasValue(1);
        assertThat(errors).singleElement()
            .isInstanceOf(CteraDeadlineExceededException.class)
            .extracting(Throwable::getCause)
            .isInstanceOf(TimeoutException.class);
    }

    @Test
    void aCallCancelledDownstreamIsNoLongerWatched() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofMillis(300), time);
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Disposable call = deadline.intercept(CALL, Mono.never().doOnCancel(cancelled::incrementAndGet))
            .subscribe(value -> { }, error -> errors.incrementAndGet());
        assertThat(deadline.callsInFlight()).isEqualTo(1);
        call.dispose();
        assertThat(deadline.callsInFlight()).isZero();
        assertThat(cancelled).hasValue(1);
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(errors).hasValue(0);
    }

    @Test
    void theCallsOwnErrorPassesUnchanged() {
        DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofSeconds(60), VirtualTimeScheduler.create());
        IllegalStateException own = new IllegalStateException("the call's own failure");
        assertThatThrownBy(() -> deadline.intercept(CALL, Mono.error(own)).block(WAIT)).isSameAs(own);
        assertThat(deadline.callsInFlight()).isZero();
    }

    @Test
    void aDeadlineThatPassesWhileDownstreamSubscribesFailsTheCallOnceAfterItsSubscription() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofMillis(300), time);
        List<String> signals = new CopyOnWriteArrayList<>();
        deadline.intercept(CALL, Mono.never()).subscribe(new CoreSubscriber<Object>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                // The timer fires on this thread, before this subscriber has its subscription in hand.
                time.advanceTimeBy(Duration.ofMillis(300));
                signals.add("subscribed");
                subscription.request(1);
            }

            @Override
            public void onNext(Object value) {
                signals.add("value");
            }

            @Override
            public void onError(Throwable error) {
                signals.add("error");
            }

            @Override
            public void onComplete() {
                signals.add("complete");
            }
        });
        assertThat(signals).containsExactly("subscribed", "error");
        assertThat(deadline.callsInFlight()).isZero();
    }

    @Test
    void callsThatEndAroundTheirDeadlineEachEndOnceAndLeaveNothingBehind() throws InterruptedException {
        DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofMillis(1));
        int calls = 400;
        AtomicInteger[] ends = new AtomicInteger[calls];
        CountDownLatch ended = new CountDownLatch(calls);
        for (int i = 0; i < calls; i++) {
            AtomicInteger endsOfThisCall = new AtomicInteger();
            ends[i] = endsOfThisCall;
            // Answers from well before to well after the deadline, on another thread than the timer's.
            Mono<Long> answer = Mono.delay(Duration.ofNanos((i % 20) * 100_000L), Schedulers.single());
            deadline.intercept(CALL, answer).subscribe(value -> { }, error -> {
                endsOfThisCall.incrementAndGet();
                ended.countDown();
            }, () -> {
                endsOfThisCall.incrementAndGet();
                ended.countDown();
            });
        }
        assertThat(ended.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(ends).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(deadline.callsInFlight()).isZero();
    }

    /** A virtual-time scheduler that counts the timed tasks given to it. */
    private static final class CountingScheduler implements Scheduler {

        final VirtualTimeScheduler delegate;

        final AtomicInteger timedTasks = new AtomicInteger();

        CountingScheduler(VirtualTimeScheduler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Disposable schedule(Runnable task) {
            return this.delegate.schedule(task);
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            this.timedTasks.incrementAndGet();
            return this.delegate.schedule(task, delay, unit);
        }

        @Override
        public long now(TimeUnit unit) {
            return this.delegate.now(unit);
        }

        @Override
        public Worker createWorker() {
            return this.delegate.createWorker();
        }
    }
}
