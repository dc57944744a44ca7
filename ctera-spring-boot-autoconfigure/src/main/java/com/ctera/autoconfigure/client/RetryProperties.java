package com.ctera.autoconfigure.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** Retry settings of a portal ({@code ctera.portals.<name>.retry.*}); unset keys fall back to {@code ctera.defaults}. */
public class RetryProperties {

    /** Whether failed calls are retried at all. Defaults to true. */
    private @Nullable Boolean enabled;

    /** Attempts in total, the first included; 1 means no retry. Defaults to 3. */
    private @Nullable Integer maxAttempts;

    /** Backoff before the second attempt, before jitter. Defaults to 100ms. */
    private @Nullable Duration baseDelay;

    /** Growth of the backoff from one attempt to the next, at least 1. Defaults to 2. */
    private @Nullable Double multiplier;

    /** Longest single backoff. Defaults to 20s. */
    private @Nullable Duration maxDelay;

    /** Whether each backoff is drawn at random between zero and its computed value ("full jitter"). Defaults to true. */
    private @Nullable Boolean fullJitter;

    /**
     * Longest Retry-After the client waits for; a longer one fails the call at once with a throttled exception
     * that carries the value. Defaults to 60s.
     */
    private @Nullable Duration maxRetryAfter;

    /** The retry budget that stops retrying while the portal is failing broadly. */
    private final Budget budget = new Budget();

    public @Nullable Boolean getEnabled() {
        return this.enabled;
    }

    public void setEnabled(@Nullable Boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable Integer getMaxAttempts() {
        return this.maxAttempts;
    }

    public void setMaxAttempts(@Nullable Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public @Nullable Duration getBaseDelay() {
        return this.baseDelay;
    }

    public void setBaseDelay(@Nullable Duration baseDelay) {
        this.baseDelay = baseDelay;
    }

    public @Nullable Double getMultiplier() {
        return this.multiplier;
    }

    public void setMultiplier(@Nullable Double multiplier) {
        this.multiplier = multiplier;
    }

    public @Nullable Duration getMaxDelay() {
        return this.maxDelay;
    }

    public void setMaxDelay(@Nullable Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    public @Nullable Boolean getFullJitter() {
        return this.fullJitter;
    }

    public void setFullJitter(@Nullable Boolean fullJitter) {
        this.fullJitter = fullJitter;
    }

    public @Nullable Duration getMaxRetryAfter() {
        return this.maxRetryAfter;
    }

    public void setMaxRetryAfter(@Nullable Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Budget getBudget() {
        return this.budget;
    }

    /** The retry budget: a token bucket that retries spend and successes refill (AWS STANDARD mode). */
    public static class Budget {

        /** Tokens when full. Defaults to 500. */
        private @Nullable Integer capacity;

        /** Tokens a retry after a non-throttling failure costs. Defaults to 5. */
        private @Nullable Integer retryCost;

        /** Tokens a retry after throttling (429, 503) costs. Defaults to 5. */
        private @Nullable Integer throttlingCost;

        /** Tokens each successful call returns. Defaults to 1. */
        private @Nullable Integer successRefund;

        public @Nullable Integer getCapacity() {
            return this.capacity;
        }

        public void setCapacity(@Nullable Integer capacity) {
            this.capacity = capacity;
        }

        public @Nullable Integer getRetryCost() {
            return this.retryCost;
        }

        public void setRetryCost(@Nullable Integer retryCost) {
            this.retryCost = retryCost;
        }

        public @Nullable Integer getThrottlingCost() {
            return this.throttlingCost;
        }

        public void setThrottlingCost(@Nullable Integer throttlingCost) {
            this.throttlingCost = throttlingCost;
        }

        public @Nullable Integer getSuccessRefund() {
            return this.successRefund;
        }

        public void setSuccessRefund(@Nullable Integer successRefund) {
            this.successRefund = successRefund;
        }
    }
}
