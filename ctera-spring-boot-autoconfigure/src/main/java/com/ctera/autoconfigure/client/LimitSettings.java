package com.ctera.autoconfigure.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One resolved rate limit.
 * @param strategy token-bucket, fixed-window, sliding-window, adaptive or none
 * @param rate permits per second (token-bucket, adaptive)
 * @param burst most permits at once (token-bucket, adaptive)
 * @param limit permits per window (fixed-window, sliding-window)
 * @param window window length (fixed-window, sliding-window)
 * @param maxWait longest wait for a permit
 * @param minRate lowest adaptive rate
 * @param pauseOnRetryAfter whether a {@code Retry-After} pauses every caller of an adaptive limiter
 * @param shared the PostgreSQL store of a limit shared by several instances, or null for a local limit
 */
public record LimitSettings(String strategy, double rate, long burst, int limit, Duration window, Duration maxWait,
        double minRate, boolean pauseOnRetryAfter, @Nullable SharedStoreSettings shared) {

    /** A local limit. */
    LimitSettings(String strategy, double rate, long burst, int limit, Duration window, Duration maxWait,
            double minRate) {
        this(strategy, rate, burst, limit, window, maxWait, minRate, true, null);
    }

    /** No limit. */
    public static final LimitSettings NONE = new LimitSettings("none", 50, 50, 50, Duration.ofSeconds(1),
            Duration.ofSeconds(5), 0.5);

    /** Whether this limit lets every call through at once. */
    public boolean isNone() {
        return "none".equals(this.strategy);
    }
}
