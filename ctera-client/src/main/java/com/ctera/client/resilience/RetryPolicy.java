package com.ctera.client.resilience;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How the retry stage repeats a failed call: capped exponential backoff with optional full jitter, and the
 * longest {@code Retry-After} it is willing to honour.
 * @param maxAttempts attempts in total, the first included; 1 turns retrying off
 * @param baseDelay the backoff before the second attempt (before jitter)
 * @param multiplier growth of the backoff from one attempt to the next, at least 1
 * @param maxDelay the cap of any one backoff
 * @param fullJitter whether each backoff is drawn uniformly from zero to its computed value (AWS "full jitter")
 * @param maxRetryAfter a {@code Retry-After} longer than this fails the call at once instead of waiting
 * @param budget the retry budget that stops retrying during a brown-out
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, double multiplier, Duration maxDelay,
        boolean fullJitter, Duration maxRetryAfter, RetryBudget.Settings budget) {

    /** Three attempts, 100 ms base, doubling, 20 s cap, full jitter, {@code Retry-After} up to 60 s, AWS budget. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(20),
            true, Duration.ofSeconds(60), RetryBudget.Settings.DEFAULT);

    public RetryPolicy {
        require(maxAttempts >= 1, "maxAttempts must be at least 1, was " + maxAttempts);
        require(!baseDelay.isNegative(), "baseDelay must not be negative, was " + baseDelay);
        require(multiplier >= 1.0 && Double.isFinite(multiplier), "multiplier must be at least 1, was " + multiplier);
        require(maxDelay.compareTo(baseDelay) >= 0,
                "maxDelay must be at least baseDelay (" + baseDelay + "), was " + maxDelay);
        require(!maxRetryAfter.isNegative(), "maxRetryAfter must not be negative, was " + maxRetryAfter);
    }

    /** The same policy with a different number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, this.baseDelay, this.multiplier, this.maxDelay, this.fullJitter,
                this.maxRetryAfter, this.budget);
    }

    /**
     * The backoff after the {@code failedAttempt}-th attempt failed: {@code min(maxDelay, base * multiplier^(n-1))},
     * drawn from {@code [0, that]} with full jitter.
     */
    public Duration backoff(int failedAttempt, RandomGenerator random) {
        double exponential = this.baseDelay.toNanos() * Math.pow(this.multiplier, Math.max(0, failedAttempt - 1));
        long capped = (long) Math.min(this.maxDelay.toNanos(), exponential);
        if (!this.fullJitter || capped <= 0) {
            return Duration.ofNanos(capped);
        }
        return Duration.ofNanos(random.nextLong(capped + 1));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
