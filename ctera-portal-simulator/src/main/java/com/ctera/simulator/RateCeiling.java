package com.ctera.simulator;

import java.util.ArrayDeque;

/**
 * A sliding one-second window over admitted requests. A fractional ceiling is rounded down, with at least one
 * request a second admitted while it is on.
 */
final class RateCeiling {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final ArrayDeque<Long> admitted = new ArrayDeque<>();
    private int limit;

    synchronized void set(double requestsPerSecond) {
        this.limit = (requestsPerSecond <= 0 || Double.isNaN(requestsPerSecond)) ? 0
                : (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(requestsPerSecond)));
        this.admitted.clear();
    }

    synchronized boolean tryAdmit(long nowNanos) {
        if (this.limit == 0) {
            return true;
        }
        while (!this.admitted.isEmpty() && nowNanos - this.admitted.peekFirst() >= WINDOW_NANOS) {
            this.admitted.pollFirst();
        }
        if (this.admitted.size() >= this.limit) {
            return false;
        }
        this.admitted.addLast(nowNanos);
        return true;
    }
}
