package com.ctera.client.bulk;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a bulk job runs.
 * @param maxConcurrency the most items in flight at once; each waits for its permits in the portal's pipeline too,
 * so a job never goes faster than the portal's limits allow
 * @param failurePolicy what a failed item does to the rest of the job
 * @param compensationAttempts how often a compensating action is tried before it is reported as failed
 * @param compensationBackoff the pause before the first repeat of a compensating action, doubled for each further one
 * @param itemTimeout the longest one item may take before it fails with a timeout, or {@code null} for no bound of
 * the job's own (the portal's read timeout and deadline still apply)
 */
public record BulkOptions(int maxConcurrency, FailurePolicy failurePolicy, int compensationAttempts,
        Duration compensationBackoff, @Nullable Duration itemTimeout) {

    /** The concurrency used when none is given: about what one portal serves well from one client. */
    public static final int DEFAULT_MAX_CONCURRENCY = 8;

    /** The most items a job may keep in flight. */
    public static final int MAX_CONCURRENCY_LIMIT = 4096;

    /** The default options: 8 in flight, continue on failure, compensations tried 3 times from 100 ms. */
    public static final BulkOptions DEFAULTS = new BulkOptions(DEFAULT_MAX_CONCURRENCY, FailurePolicy.CONTINUE, 3,
            Duration.ofMillis(100), null);

    public BulkOptions {
        if (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY_LIMIT) {
            throw new IllegalArgumentException("max concurrency must be between 1 and " + MAX_CONCURRENCY_LIMIT
                    + ", was " + maxConcurrency);
        }
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        if (compensationAttempts < 1) {
            throw new IllegalArgumentException("compensation attempts must be at least 1, was " + compensationAttempts);
        }
        if (compensationBackoff.isNegative()) {
            throw new IllegalArgumentException("compensation backoff must not be negative, was " + compensationBackoff);
        }
        if (itemTimeout != null && (itemTimeout.isNegative() || itemTimeout.isZero())) {
            throw new IllegalArgumentException("item timeout must be positive, was " + itemTimeout);
        }
    }

    /** These options with another concurrency bound. */
    public BulkOptions withMaxConcurrency(int maxConcurrency) {
        return new BulkOptions(maxConcurrency, this.failurePolicy, this.compensationAttempts,
                this.compensationBackoff, this.itemTimeout);
    }

    /** These options with another failure policy. */
    public BulkOptions withFailurePolicy(FailurePolicy failurePolicy) {
        return new BulkOptions(this.maxConcurrency, failurePolicy, this.compensationAttempts,
                this.compensationBackoff, this.itemTimeout);
    }

    /** These options with another retry of compensating actions. */
    public BulkOptions withCompensationRetry(int attempts, Duration backoff) {
        return new BulkOptions(this.maxConcurrency, this.failurePolicy, attempts, backoff, this.itemTimeout);
    }

    /** These options with another per-item timeout ({@code null}: none of the job's own). */
    public BulkOptions withItemTimeout(@Nullable Duration itemTimeout) {
        return new BulkOptions(this.maxConcurrency, this.failurePolicy, this.compensationAttempts,
                this.compensationBackoff, itemTimeout);
    }
}
