package com.ctera.client.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallEvents;
import com.ctera.client.pipeline.CallInterceptor;
import com.ctera.client.pipeline.ReadBack;

/**
 * Repeats failed calls by the {@link RetryPolicy}: only retryable failures ({@link Failures#isRetryable}), waiting
 * the backoff or the portal's {@code Retry-After}, whichever is longer, while the {@link RetryBudget} allows.
 * Non-idempotent operations are repeated only when the failure proves the portal did not process them; after an
 * ambiguous failure the call's {@link ReadBack} decides, and when it shows the call took effect, its value is the
 * call's result. Without a read-back an ambiguous failure is returned as it is: the client never guesses.
 *
 * <p>Written as a chain of Reactor operators ({@code onErrorResume} + {@code Mono.delay}) rather than
 * {@code retryWhen}, because a read-back must be able to end the call with a success value. Waits never block a
 * thread.
 */
public final class RetryInterceptor implements CallInterceptor {

    private final RetryPolicy policy;

    private final RetryBudget budget;

    private final RandomGenerator random;

    private final Scheduler timer;

    private final LongAdder retries = new LongAdder();

    private final LongAdder readBacksTookEffect = new LongAdder();

    public RetryInterceptor(RetryPolicy policy) {
        this(policy, RandomGenerator.getDefault(), Schedulers.parallel());
    }

    /** With a given source of jitter and a timer scheduler (virtual time in tests). */
    public RetryInterceptor(RetryPolicy policy, RandomGenerator random, Scheduler timer) {
        this.policy = policy;
        this.budget = new RetryBudget(policy.budget());
        this.random = random;
        this.timer = timer;
    }

    @Override
    public int order() {
        return RETRY_ORDER;
    }

    /** The policy this stage applies. */
    public RetryPolicy policy() {
        return this.policy;
    }

    /** The retry budget shared by every call of the portal. */
    public RetryBudget budget() {
        return this.budget;
    }

    /** Retries started so far. */
    public long retries() {
        return this.retries.sum();
    }

    /** Ambiguous failures that a read-back showed had taken effect. */
    public long readBacksTookEffect() {
        return this.readBacksTookEffect.sum();
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        return Mono.deferContextual(context -> attempt(call, next, ReadBack.find(context, call.operation()), 1,
                false));
    }

    private <T> Mono<T> attempt(CallContext call, Mono<T> next, @Nullable ReadBack readBack, int attempt,
            boolean earlierAmbiguous) {
        return next.doOnSuccess(value -> this.budget.onSuccess())
            .onErrorResume(error -> afterFailure(call, next, readBack, attempt, earlierAmbiguous, error));
    }

    private <T> Mono<T> afterFailure(CallContext call, Mono<T> next, @Nullable ReadBack readBack, int attempt,
            boolean earlierAmbiguous, Throwable error) {
        boolean idempotent = call.operation().idempotent();
        // A conflict right after an attempt whose answer was lost: that attempt may be the one that succeeded.
        if (!idempotent && earlierAmbiguous && readBack != null && error instanceof CteraConflictException) {
            return readBackOr(readBack, Mono.error(error), error);
        }
        if (!Failures.isRetryable(error)) {
            return Mono.error(error);
        }
        Duration retryAfter = Failures.retryAfter(error);
        if (retryAfter != null && retryAfter.compareTo(this.policy.maxRetryAfter()) > 0) {
            return Mono.error(tooLongToWait(call, (CteraThrottledException) error, retryAfter));
        }
        boolean ambiguous = !idempotent && !Failures.provesNotProcessed(error);
        if (ambiguous && readBack == null) {
            return Mono.error(error);
        }
        boolean lastAttempt = attempt >= this.policy.maxAttempts();
        if (lastAttempt || !this.budget.tryAcquire(Failures.isThrottling(error))) {
            // Nothing more will be sent; still tell the truth about an answer that was lost.
            return ambiguous ? readBackOr(readBack, Mono.error(error), error) : Mono.error(error);
        }
        Duration backoff = this.policy.backoff(attempt, this.random);
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            backoff = retryAfter;
        }
        Duration wait = backoff;
        Mono<T> repeat = Mono.defer(() -> {
            this.retries.increment();
            return attempt(call, next, readBack, attempt + 1, earlierAmbiguous || ambiguous);
        });
        Mono<T> afterWait = ambiguous ? readBackOr(readBack, repeat, error) : repeat;
        return CallEvents.notify(events -> events.retrying(attempt + 1, error, wait))
            .then(Mono.delay(wait, this.timer))
            .then(afterWait);
    }

    /** The read-back's value when the call took effect, else {@code otherwise}; a failed read-back decides nothing. */
    @SuppressWarnings("unchecked")
    private <T> Mono<T> readBackOr(@Nullable ReadBack readBack, Mono<T> otherwise, Throwable original) {
        if (readBack == null) {
            return otherwise;
        }
        return readBack.check()
            .map(value -> Optional.of((T) value))
            .defaultIfEmpty(Optional.empty())
            .onErrorResume(failure -> {
                original.addSuppressed(failure);
                return Mono.error(original);
            })
            .flatMap(found -> {
                if (found.isEmpty()) {
                    return otherwise;
                }
                this.readBacksTookEffect.increment();
                return Mono.just(found.get());
            });
    }

    private static CteraThrottledException tooLongToWait(CallContext call, CteraThrottledException throttled,
            Duration retryAfter) {
        return new CteraThrottledException(throttled.operation(), throttled.status(), call.operation().name()
                + " throttled: the portal asked to wait " + retryAfter + ", longer than max-retry-after", retryAfter,
                throttled);
    }
}
