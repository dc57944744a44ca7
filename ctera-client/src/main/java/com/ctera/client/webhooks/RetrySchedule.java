package com.ctera.client.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * When a failed delivery is tried again: the waits after the 1st, 2nd, ... attempt, each with up to
 * {@code jitter} of it added or taken at random, and never sooner than the receiver's {@code Retry-After}. After the
 * last wait's attempt fails the delivery is dead.
 * @param delays the wait after each failed attempt; their count plus one is the number of attempts
 * @param jitter fraction of each wait varied at random, 0 to 1
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    /** The Standard Webhooks example: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h (10 attempts, ~3 days). */
    public static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24)), 0.1);

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
        for (Duration delay : delays) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a retry delay must not be negative, was " + delay);
            }
        }
    }

    /** How many attempts a delivery gets in all. */
    public int maxAttempts() {
        return this.delays.size() + 1;
    }

    /**
     * The wait before the next attempt, or empty when {@code attemptsMade} used them all.
     * @param retryAfter what the receiver asked for, if anything
     */
    public Optional<Duration> next(int attemptsMade, @Nullable Duration retryAfter) {
        if (attemptsMade < 1 || attemptsMade > this.delays.size()) {
            return Optional.empty();
        }
        Duration base = this.delays.get(attemptsMade - 1);
        long millis = base.toMillis();
        long spread = (long) (millis * this.jitter);
        long jittered = (spread > 0) ? millis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1) : millis;
        Duration wait = Duration.ofMillis(Math.max(0, jittered));
        return Optional.of((retryAfter != null && retryAfter.compareTo(wait) > 0) ? retryAfter : wait);
    }
}
