package com.ctera.client.resilience;

/**
 * The retry quota of one portal, as in the AWS SDK's STANDARD mode: every retry spends tokens, every success puts
 * one back, and when the quota runs dry failures are returned at once instead of retried. During a brown-out this
 * keeps the client from multiplying the load on a portal that is already failing. Thread-safe.
 */
public final class RetryBudget {

    private final Settings settings;

    // Written under the lock; read without it by onSuccess, so that the common case, a full budget, takes no lock.
    private volatile int available;

    private long exhaustions;

    public RetryBudget(Settings settings) {
        this.settings = settings;
        this.available = settings.capacity();
    }

    /** Takes the cost of one retry; false (nothing taken) when the budget cannot pay it. */
    public synchronized boolean tryAcquire(boolean throttling) {
        int cost = throttling ? this.settings.throttlingCost() : this.settings.retryCost();
        if (cost > this.available) {
            this.exhaustions++;
            return false;
        }
        this.available -= cost;
        return true;
    }

    /** A call succeeded: refunds {@link Settings#successRefund()} tokens, up to the capacity. */
    public void onSuccess() {
        if (this.available >= this.settings.capacity() || this.settings.successRefund() == 0) {
            return;
        }
        synchronized (this) {
            this.available = Math.min(this.settings.capacity(), this.available + this.settings.successRefund());
        }
    }

    /** Tokens left. */
    public synchronized int available() {
        return this.available;
    }

    /** How many retries the budget refused. */
    public synchronized long exhaustions() {
        return this.exhaustions;
    }

    /** The budget's settings. */
    public Settings settings() {
        return this.settings;
    }

    /**
     * Size and prices of a retry budget.
     * @param capacity tokens when full
     * @param retryCost tokens a retry after a non-throttling failure costs
     * @param throttlingCost tokens a retry after throttling costs
     * @param successRefund tokens a successful call returns
     */
    public record Settings(int capacity, int retryCost, int throttlingCost, int successRefund) {

        /** AWS STANDARD numbers: 500 tokens, 5 per retry, 1 back per success. */
        public static final Settings DEFAULT = new Settings(500, 5, 5, 1);

        public Settings {
            if (capacity < 0 || retryCost < 0 || throttlingCost < 0 || successRefund < 0) {
                throw new IllegalArgumentException("retry budget values must not be negative, were capacity="
                        + capacity + ", retryCost=" + retryCost + ", throttlingCost=" + throttlingCost
                        + ", successRefund=" + successRefund);
            }
        }
    }
}
