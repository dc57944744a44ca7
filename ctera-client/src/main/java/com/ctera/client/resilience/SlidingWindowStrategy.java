package com.ctera.client.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Sliding window: at most {@code limit} permits in any window of the given length, however the windows are placed.
 * Remembers the time of the last {@code limit} permits (granted or reserved), so memory is bounded by the limit.
 */
public final class SlidingWindowStrategy implements RateLimitStrategy {

    private final int limit;

    private final long windowNanos;

    private final LongSupplier nanoTime;

    /** Grant times, a ring of the last {@code limit} permits in order; {@code next} is the oldest once full. */
    private final long[] grants;

    private int next;

    private int count;

    public SlidingWindowStrategy(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    /** With a controllable clock, for tests. */
    public SlidingWindowStrategy(int limit, Duration window, LongSupplier nanoTime) {
        if (limit < 1) {
            throw new IllegalArgumentException("sliding window limit must be at least 1, was " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("sliding window must be a positive duration, was " + window);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.grants = new long[limit];
    }

    @Override
    public synchronized long reserve(long maxWaitNanos) {
        long now = this.nanoTime.getAsLong();
        long at = now;
        if (this.count == this.limit) {
            // The permit that leaves the window to make room is the limit-th most recent one.
            at = Math.max(now, this.grants[this.next] + this.windowNanos);
        }
        long wait = at - now;
        if (wait > maxWaitNanos) {
            return REJECTED;
        }
        this.grants[this.next] = at;
        this.next = (this.next + 1) % this.limit;
        this.count = Math.min(this.limit, this.count + 1);
        return wait;
    }

    @Override
    public synchronized long availablePermits() {
        long now = this.nanoTime.getAsLong();
        long inWindow = 0;
        for (int i = 0; i < this.count; i++) {
            if (this.grants[i] > now - this.windowNanos) {
                inWindow++;
            }
        }
        return this.limit - inWindow;
    }

    @Override
    public double currentRate() {
        return this.limit * 1e9 / this.windowNanos;
    }

    @Override
    public String kind() {
        return "sliding-window";
    }
}
