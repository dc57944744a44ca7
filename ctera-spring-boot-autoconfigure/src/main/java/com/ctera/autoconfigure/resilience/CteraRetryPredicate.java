package com.ctera.autoconfigure.resilience;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.resilience.retry.MethodRetryPredicate;

import com.ctera.client.CteraException;
import com.ctera.client.resilience.Failures;

/**
 * What Spring Framework's own retry ({@code @Retryable}, {@code RetryTemplate}) should repeat around application work
 * made of portal calls: exactly the failures the client's retry stage repeats (connect failures, resets, timeouts,
 * throttling, most 5xx), found anywhere in the causes; nothing else. Use it as
 * {@code @Retryable(predicate = CteraRetryPredicate.class)}, or take the starter's {@code cteraRetryPolicy} bean for a
 * {@code RetryTemplate}.
 */
public final class CteraRetryPredicate implements MethodRetryPredicate {

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return isRetryable(failure);
    }

    /** Whether the first portal failure among {@code failure} and its causes is one the client would retry. */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
            if (cause instanceof CteraException) {
                return Failures.isRetryable(cause);
            }
        }
        return false;
    }

    /**
     * A Spring {@link RetryPolicy} with this predicate and the backoff of a client retry policy: as many retries as
     * it allows after the first attempt, its base delay, multiplier and longest delay.
     */
    static RetryPolicy retryPolicy(com.ctera.client.resilience.@Nullable RetryPolicy client) {
        if (client == null) {
            return RetryPolicy.builder().maxRetries(0).predicate(CteraRetryPredicate::isRetryable).build();
        }
        return RetryPolicy.builder()
            .predicate(CteraRetryPredicate::isRetryable)
            .maxRetries(client.maxAttempts() - 1L)
            .delay(client.baseDelay())
            .multiplier(client.multiplier())
            .maxDelay(client.maxDelay())
            .build();
    }
}
