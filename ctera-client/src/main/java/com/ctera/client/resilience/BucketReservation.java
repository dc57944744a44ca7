package com.ctera.client.resilience;

import io.github.bucket4j.Bucket;

/** Takes one token from a Bucket4j bucket without parking the thread: the caller waits on a timer instead. */
final class BucketReservation {

    private BucketReservation() {
    }

    /**
     * Reserves one token: the nanoseconds until it may be used, or {@link RateLimitStrategy#REJECTED} when it would
     * come later than {@code maxWaitNanos}.
     */
    static long reserve(Bucket bucket, long maxWaitNanos) {
        if (maxWaitNanos <= 0) {
            return bucket.tryConsume(1) ? 0 : RateLimitStrategy.REJECTED;
        }
        long[] wait = { 0 };
        try {
            // The blocking API is only asked how long to wait: it records the wait instead of parking the thread.
            boolean granted = bucket.asBlocking().tryConsume(1, maxWaitNanos, (nanos) -> wait[0] = nanos);
            return granted ? wait[0] : RateLimitStrategy.REJECTED;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return RateLimitStrategy.REJECTED;
        }
    }
}
