package com.ctera.client.resilience;

/** The {@code none} strategy: every call goes at once. */
public final class NoRateLimit implements RateLimitStrategy {

    @Override
    public long reserve(long maxWaitNanos) {
        return 0;
    }

    @Override
    public long availablePermits() {
        return Long.MAX_VALUE;
    }

    @Override
    public double currentRate() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String kind() {
        return "none";
    }
}
