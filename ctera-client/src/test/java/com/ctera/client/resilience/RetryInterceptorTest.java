package com.ctera.client.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraDeadlineExceededException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraServerException;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallEvents;
import com.ctera.client.pipeline.ReadBack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry stage against scripted attempts: what is retried, how long it waits, and non-idempotent safety. */
class RetryInterceptorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static final CteraOperation READ = new CteraOperation("users.get", true);

    private static final CteraOperation CREATE = CteraOperation.USERS_ADD;

    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), 2.0, Duration.ofMillis(5), true,
            Duration.ofSeconds(3), RetryBudget.Settings.DEFAULT);

    /** A call that fails with the scripted errors in turn, then answers {@code ok}. */
    private static final class ScriptedCall {

        private final Queue<RuntimeException> failures;

        private final AtomicInteger attempts = new AtomicInteger();

        ScriptedCall(RuntimeException... failures) {
            this.failures = new ConcurrentLinkedQueue<>(List.of(failures));
        }

        Mono<String> mono() {
            return Mono.defer(() -> {
                this.attempts.incrementAndGet();
                RuntimeException next = this.failures.poll();
                return (next != null) ? Mono.<String>error(next) : Mono.just("ok");
            });
        }
    }

    private static String run(RetryInterceptor retry, CteraOperation operation, ScriptedCall call) {
        return retry.intercept(new CallContext("p", operation), call.mono()).block(WAIT);
    }

    private static CteraServerException status(int status) {
        return new CteraServerException("op", status, "HTTP " + status, null);
    }

    private static CteraTransportException reset() {
        return new CteraTransportException("op", 0, "connection reset", new java.io.IOException("reset"));
    }

    private static CteraTransportException refused() {
        return new CteraTransportException("op", 0, "cannot connect", new ConnectException("refused"));
    }

    @Test
    void retriesRetryableFailuresUntilTheCallSucceeds() {
        RetryInterceptor retry = new RetryInterceptor(FAST);
        ScriptedCall call = new ScriptedCall(status(500), reset(),
                new CteraThrottledException("op", 429, "slow down", Duration.ZERO, null));
        assertThat(run(retry, READ, call)).isEqualTo("ok");
        assertThat(call.attempts).hasValue(4);
        assertThat(retry.retries()).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        RetryInterceptor retry = new RetryInterceptor(FAST);
        ScriptedCall call = new ScriptedCall(status(502), status(503), status(504), status(500), status(500));
        assertThatThrownBy(() -> run(retry, READ, call)).isInstanceOf(CteraServerException.class)
            .extracting(error -> ((CteraServerException) error).status()).isEqualTo(500);
        assertThat(call.attempts).hasValue(4);
    }

    @Test
    void neverRetriesClientErrorsAuthenticationBusinessErrorsOr501And505() {
        List<RuntimeException> finals = List.of(new CteraNotFoundException("op", 404, "missing", null),
                new CteraAuthenticationException("op", 401, "denied", null),
                new CteraConflictException("op", 409, "exists", null), status(501), status(505));
        for (RuntimeException error : finals) {
            ScriptedCall call = new ScriptedCall(error);
            assertThatThrownBy(() -> run(new RetryInterceptor(FAST), READ, call)).isSameAs(error);
            assertThat(call.attempts).as("attempts after %s", error.getMessage()).hasValue(1);
        }
    }

    @Test
    void retriesA408() {
        ScriptedCall call = new ScriptedCall(new com.ctera.client.CteraClientErrorException("op", 408, "timeout",
                null));
        assertThat(run(new RetryInterceptor(FAST), READ, call)).isEqualTo("ok");
        assertThat(call.attempts).hasValue(2);
    }

    @Test
    void aRetryAfterAboveTheMaximumFailsAtOnceCarryingTheValue() {
        ScriptedCall call = new ScriptedCall(
                new CteraThrottledException("op", 429, "slow down", Duration.ofSeconds(30), null));
        assertThatThrownBy(() -> run(new RetryInterceptor(FAST), READ, call))
            .isInstanceOfSatisfying(CteraThrottledException.class, throttled -> {
                assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(30));
                assertThat(throttled.getMessage()).contains("PT30S").contains("max-retry-after");
            });
        assertThat(call.attempts).hasValue(1);
    }

    @Test
    void theNextAttemptWaitsAtLeastTheRetryAfter() {
        List<Duration> backoffs = new ArrayList<>();
        CallEvents events = new CallEvents() {
            @Override
            public void retrying(int attempt, Throwable cause, Duration backoff) {
                backoffs.add(backoff);
            }
        };
        ScriptedCall call = new ScriptedCall(
                new CteraThrottledException("op", 503, "busy", Duration.ofMillis(300), null));
        long start = System.nanoTime();
        String result = new RetryInterceptor(FAST).intercept(new CallContext("p", READ), call.mono())
            .contextWrite(context -> context.put(CallEvents.CONTEXT_KEY, events))
            .block(WAIT);
        assertThat(result).isEqualTo("ok");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(backoffs).containsExactly(Duration.ofMillis(300));
    }

    @Test
    void aNonIdempotentCallIsRepeatedWhenTheFailureProvesItWasNotProcessed() {
        ScriptedCall call = new ScriptedCall(refused(),
                new CteraThrottledException("op", 429, "slow down", Duration.ZERO, null));
        assertThat(run(new RetryInterceptor(FAST), CREATE, call)).isEqualTo("ok");
        assertThat(call.attempts).hasValue(3);
    }

    @Test
    void anAmbiguousFailureOfANonIdempotentCallIsNotRepeatedWithoutAReadBack() {
        for (RuntimeException ambiguous : List.of(reset(), status(500))) {
            ScriptedCall call = new ScriptedCall(ambiguous);
            assertThatThrownBy(() -> run(new RetryInterceptor(FAST), CREATE, call)).isSameAs(ambiguous);
            assertThat(call.attempts).hasValue(1);
        }
    }

    @Test
    void aReadBackThatFindsTheEffectEndsTheCallWithItsValue() {
        RetryInterceptor retry = new RetryInterceptor(FAST);
        ScriptedCall call = new ScriptedCall(reset());
        AtomicInteger checks = new AtomicInteger();
        ReadBack readBack = new ReadBack(CREATE, Mono.fromSupplier(() -> {
            checks.incrementAndGet();
            return "found";
        }));
        String result = retry.intercept(new CallContext("p", CREATE), call.mono())
            .contextWrite(readBack.writer())
            .block(WAIT);
        assertThat(result).isEqualTo("found");
        assertThat(call.attempts).hasValue(1);
        assertThat(checks).hasValue(1);
        assertThat(retry.readBacksTookEffect()).isEqualTo(1);
    }

    @Test
    void aReadBackThatFindsNothingLetsTheCallBeRepeated() {
        ScriptedCall call = new ScriptedCall(status(500));
        String result = new RetryInterceptor(FAST).intercept(new CallContext("p", CREATE), call.mono())
            .contextWrite(new ReadBack(CREATE, Mono.empty()).writer())
            .block(WAIT);
        assertThat(result).isEqualTo("ok");
        assertThat(call.attempts).hasValue(2);
    }

    @Test
    void aConflictAfterALostAnswerIsCheckedByReadBack() {
        // The first attempt was processed but its answer lost; the repeat finds the user already there.
        ScriptedCall call = new ScriptedCall(reset(), new CteraConflictException("op", 409, "exists", null));
        AtomicInteger checks = new AtomicInteger();
        ReadBack readBack = new ReadBack(CREATE,
                Mono.defer(() -> (checks.incrementAndGet() == 1) ? Mono.empty() : Mono.just("found")));
        String result = new RetryInterceptor(FAST).intercept(new CallContext("p", CREATE), call.mono())
            .contextWrite(readBack.writer())
            .block(WAIT);
        assertThat(result).isEqualTo("found");
        assertThat(call.attempts).hasValue(2);
    }

    @Test
    void aFailedReadBackReportsTheOriginalFailureAndDoesNotRepeat() {
        CteraTransportException lost = reset();
        ScriptedCall call = new ScriptedCall(lost);
        ReadBack broken = new ReadBack(CREATE, Mono.error(new IllegalStateException("read-back failed")));
        assertThatThrownBy(() -> new RetryInterceptor(FAST).intercept(new CallContext("p", CREATE), call.mono())
            .contextWrite(broken.writer())
            .block(WAIT)).isSameAs(lost);
        assertThat(lost.getSuppressed()).extracting(Throwable::getMessage).contains("read-back failed");
        assertThat(call.attempts).hasValue(1);
    }

    @Test
    void aReadBackForAnotherOperationIsIgnored() {
        ScriptedCall call = new ScriptedCall(reset());
        ReadBack other = new ReadBack(new CteraOperation("files.upload", false), Mono.just("wrong"));
        assertThatThrownBy(() -> new RetryInterceptor(FAST).intercept(new CallContext("p", CREATE), call.mono())
            .contextWrite(other.writer())
            .block(WAIT)).isInstanceOf(CteraTransportException.class);
    }

    @Test
    void anEmptyBudgetStopsRetrying() {
        RetryPolicy tight = new RetryPolicy(5, Duration.ofMillis(1), 2.0, Duration.ofMillis(2), false,
                Duration.ofSeconds(1), new RetryBudget.Settings(10, 5, 5, 1));
        RetryInterceptor retry = new RetryInterceptor(tight);
        ScriptedCall call = new ScriptedCall(status(500), status(500), status(500), status(500));
        assertThatThrownBy(() -> run(retry, READ, call)).isInstanceOf(CteraServerException.class);
        assertThat(call.attempts).hasValue(3);
        assertThat(retry.budget().available()).isZero();
        assertThat(retry.budget().exhaustions()).isEqualTo(1);
        // Successes refill it one token at a time.
        run(retry, READ, new ScriptedCall());
        assertThat(retry.budget().available()).isEqualTo(1);
    }

    @Test
    void backoffGrowsByTheMultiplierUpToTheCapAndJitterStaysInside() {
        RetryPolicy exact = new RetryPolicy(10, Duration.ofMillis(100), 3.0, Duration.ofSeconds(1), false,
                Duration.ofSeconds(1), RetryBudget.Settings.DEFAULT);
        RandomGenerator random = new SplittableRandom(7);
        assertThat(exact.backoff(1, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(exact.backoff(2, random)).isEqualTo(Duration.ofMillis(300));
        assertThat(exact.backoff(3, random)).isEqualTo(Duration.ofMillis(900));
        assertThat(exact.backoff(4, random)).isEqualTo(Duration.ofSeconds(1));
        RetryPolicy jittered = new RetryPolicy(10, Duration.ofMillis(100), 3.0, Duration.ofSeconds(1), true,
                Duration.ofSeconds(1), RetryBudget.Settings.DEFAULT);
        List<Duration> draws = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            draws.add(jittered.backoff(3, random));
        }
        assertThat(draws).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(900)));
        assertThat(draws).anySatisfy(d -> assertThat(d).isLessThan(Duration.ofMillis(300)));
        assertThat(draws).anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofMillis(600)));
    }

    @Test
    void theDeadlineBoundsTheWholeCallAcrossAttempts() {
        RetryPolicy slow = new RetryPolicy(10, Duration.ofMillis(200), 1.0, Duration.ofMillis(200), false,
                Duration.ofSeconds(1), RetryBudget.Settings.DEFAULT);
        ScriptedCall call = new ScriptedCall(status(500), status(500), status(500), status(500));
        CallContext context = new CallContext("p", READ);
        StepVerifier.withVirtualTime(() -> {
            VirtualTimeScheduler time = VirtualTimeScheduler.get();
            Mono<String> withRetry = new RetryInterceptor(slow, new SplittableRandom(1), time).intercept(context,
                    call.mono());
            return new DeadlineInterceptor(Duration.ofMillis(300), time).intercept(context, withRetry);
        })
            .thenAwait(Duration.ofMillis(300))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CteraDeadlineExceededException.class)
                .hasMessageContaining("overall deadline of PT0.3S"))
            .verify(WAIT);
        // Attempts at 0 ms and 200 ms; the one due at 400 ms never starts.
        assertThat(call.attempts).hasValue(2);
    }

    @Test
    void badPoliciesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> FAST.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("maxAttempts must be at least 1, was 0");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1), true,
                Duration.ZERO, RetryBudget.Settings.DEFAULT)).hasMessageContaining("maxDelay must be at least");
    }
}
