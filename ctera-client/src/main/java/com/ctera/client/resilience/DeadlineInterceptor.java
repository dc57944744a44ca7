package com.ctera.client.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallInterceptor;
import com.ctera.client.timer.CallTimer;

/**
 * The overall deadline of one logical call, every attempt and backoff included. Sits outside the retry stage, so
 * a call never takes longer than this however many attempts it needs.
 */
public final class DeadlineInterceptor implements CallInterceptor {

    /** Between observation and retry: the observation sees the deadline expire, the retry stage runs inside it. */
    public static final int DEADLINE_ORDER = RETRY_ORDER - 50;

    private final Duration deadline;

    private final long deadlineNanos;

    private final CallTimer timer;

    /** Deadlines measured on the JVM's monotonic clock, so a change of the wall clock cannot end calls early. */
    public DeadlineInterceptor(Duration deadline) {
        this(deadline, Schedulers.parallel(), System::nanoTime);
    }

    /**
     * Deadlines measured on the timer's own clock ({@link Scheduler#now}): for a virtual-time scheduler in tests.
     * Most schedulers' clock is the wall clock, which may jump; the one-argument constructor does not use it.
     */
    public DeadlineInterceptor(Duration deadline, Scheduler timer) {
        this(deadline, timer, () -> timer.now(TimeUnit.NANOSECONDS));
    }

    private DeadlineInterceptor(Duration deadline, Scheduler timer, LongSupplier nanoClock) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        this.deadline = deadline;
        this.deadlineNanos = deadline.toNanos();
        this.timer = new CallTimer(() -> timer, nanoClock);
    }

    /** The deadline of each call. */
    public Duration deadline() {
        return this.deadline;
    }

    /** Calls under way whose deadline is being watched. */
    public int callsInFlight() {
        return this.timer.inFlight();
    }

    @Override
    public int order() {
        return DEADLINE_ORDER;
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        return new DeadlineCall<>(next, call.operation().name());
    }

    /** One call under the deadline: each subscription is watched from its own start. */
    private final class DeadlineCall<T> extends Mono<T> {

        private final Mono<T> source;

        private final String operation;

        DeadlineCall(Mono<T> source, String operation) {
            this.source = source;
            this.operation = operation;
        }

        @Override
        public void subscribe(CoreSubscriber<? super T> actual) {
            this.source.subscribe(new DeadlineSubscriber<>(actual, DeadlineInterceptor.this.timer, this.operation,
                    DeadlineInterceptor.this.deadline, DeadlineInterceptor.this.deadlineNanos));
        }
    }
}
