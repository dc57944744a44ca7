package com.ctera.benchmarks.ratelimit;

import java.time.Duration;

/**
 * What callers got during the measured window (the warm-up excluded).
 * @param succeeded calls the portal answered
 * @param throttled calls the portal refused with 429
 * @param refused calls the client's own limiter refused (no permit within its max-wait)
 * @param failed calls that failed otherwise
 * @param window the measured window
 */
public record LoadResult(long succeeded, long throttled, long refused, long failed, Duration window) {

    /** Answered calls per second. */
    public double successRate() {
        return this.succeeded / seconds();
    }

    /** Calls that reached the portal (answered or refused by it) per second. */
    public double sentRate() {
        return (this.succeeded + this.throttled) / seconds();
    }

    /** Share of the calls that reached the portal which it refused with 429. */
    public double throttledShare() {
        long sent = this.succeeded + this.throttled;
        return (sent == 0) ? 0 : (double) this.throttled / sent;
    }

    private double seconds() {
        return this.window.toNanos() / 1e9;
    }
}
