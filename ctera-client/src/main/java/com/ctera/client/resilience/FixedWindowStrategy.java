package com.ctera.client.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * Fixed window on a Resilience4j {@link RateLimiter}: {@code limit} permits per window, renewed at each window
 * edge. Given a limiter from a registry, it shows in {@code /actuator/ratelimiters} and in Prometheus.
 */
public final class FixedWindowStrategy implements RateLimitStrategy {

    private final RateLimiter limiter;

    public FixedWindowStrategy(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** A limiter of its own, with a controllable clock for tests. */
    public FixedWindowStrategy(String name, int limit, Duration window, Duration maxWait, LongSupplier nanoTime) {
        this(new AtomicRateLimiter(name, config(limit, window, maxWait), nanoTime::getAsLong));
    }

    /** The Resilience4j configuration of {@code limit} permits per {@code window}, waiting at most {@code maxWait}. */
    public static RateLimiterConfig config(int limit, Duration window, Duration maxWait) {
        if (limit < 1) {
            throw new IllegalArgumentException("fixed window limit must be at least 1, was " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("fixed window must be a positive duration, was " + window);
        }
        return RateLimiterConfig.custom()
            .limitForPeriod(limit)
            .limitRefreshPeriod(window)
            .timeoutDuration(maxWait)
            .build();
    }

    /** The Resilience4j limiter. */
    public RateLimiter limiter() {
        return this.limiter;
    }

    @Override
    public long reserve(long maxWaitNanos) {
        // Resilience4j waits at most its own timeout; a caller willing to wait less is refused by the estimate.
        if (this.limiter instanceof AtomicRateLimiter atomic
                && atomic.getDetailedMetrics().getNanosToWait() > maxWaitNanos) {
            return REJECTED;
        }
        long wait = this.limiter.reservePermission();
        return (wait < 0) ? REJECTED : wait;
    }

    @Override
    public long availablePermits() {
        return this.limiter.getMetrics().getAvailablePermissions();
    }

    @Override
    public double currentRate() {
        RateLimiterConfig config = this.limiter.getRateLimiterConfig();
        return config.getLimitForPeriod() * 1e9 / config.getLimitRefreshPeriod().toNanos();
    }

    @Override
    public String kind() {
        return "fixed-window";
    }
}
