package com.ctera.client.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Token bucket on a local Bucket4j bucket: up to {@code burst} calls at once, then {@code rate} per second. A
 * reservation takes its token at once (the bucket may go below zero) and tells the caller how long to wait, so
 * callers are served in order and nobody spins.
 */
public final class TokenBucketStrategy implements RateLimitStrategy {

    private final Bucket bucket;

    private final double rate;

    public TokenBucketStrategy(double rate, long burst) {
        this(rate, burst, System::nanoTime);
    }

    /** With a controllable clock, for tests. */
    public TokenBucketStrategy(double rate, long burst, LongSupplier nanoTime) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("token bucket rate must be positive, was " + rate);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("token bucket burst must be at least 1, was " + burst);
        }
        this.rate = rate;
        boolean whole = rate == Math.rint(rate);
        long tokens = whole ? (long) rate : 1;
        Duration period = whole ? Duration.ofSeconds(1) : Duration.ofNanos((long) (1_000_000_000L / rate));
        this.bucket = Bucket.builder()
            .addLimit(limit -> limit.capacity(burst).refillGreedy(tokens, period))
            .withCustomTimePrecision(new NanoMeter(nanoTime))
            .build();
    }

    @Override
    public long reserve(long maxWaitNanos) {
        return BucketReservation.reserve(this.bucket, maxWaitNanos);
    }

    @Override
    public long availablePermits() {
        return this.bucket.getAvailableTokens();
    }

    @Override
    public double currentRate() {
        return this.rate;
    }

    @Override
    public String kind() {
        return "token-bucket";
    }

    private record NanoMeter(LongSupplier nanoTime) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return this.nanoTime.getAsLong();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
