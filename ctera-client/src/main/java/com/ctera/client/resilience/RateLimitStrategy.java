package com.ctera.client.resilience;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * How a limiter decides when the next call may go: token bucket, fixed window, sliding window, adaptive or none.
 * Strategies only compute; {@link CallRateLimiter} does the waiting, without blocking a thread. Thread-safe.
 */
public interface RateLimitStrategy {

    /** Returned by {@link #reserve(long)} when the permit would come later than the caller is willing to wait. */
    long REJECTED = -1;

    /**
     * Reserves one permit.
     * @param maxWaitNanos the longest the caller will wait
     * @return nanoseconds the caller must wait before using the permit (0: at once), or {@link #REJECTED}, in which
     * case nothing was reserved
     */
    long reserve(long maxWaitNanos);

    /**
     * {@link #reserve(long)} for reactive callers. Local strategies compute at once on the caller's thread; a strategy
     * whose state lives elsewhere (a database) overrides this to ask off the reactive threads.
     */
    default Mono<Long> reserveReactive(long maxWaitNanos) {
        return Mono.fromSupplier(() -> reserve(maxWaitNanos));
    }

    /**
     * Whether {@link #reserve(long)} answers from memory at once, so it may run on any thread, reactive ones included.
     * A strategy whose state lives elsewhere (a database) answers false and is asked through
     * {@link #reserveReactive(long)}.
     */
    default boolean answersAtOnce() {
        return true;
    }

    /** A call that held a permit succeeded. */
    default void onSuccess() {
    }

    /** The portal throttled a call (429, 503); {@code retryAfter} is what it asked for, if anything. */
    default void onThrottled(@Nullable Duration retryAfter) {
    }

    /**
     * The portal throttled a call whose permit was used at {@code permitNanos} (on {@link #clockNanos()}). A strategy
     * may ignore refusals of calls sent before it last slowed down: they answer an overrun it already reacted to.
     */
    default void onThrottled(@Nullable Duration retryAfter, long permitNanos) {
        onThrottled(retryAfter);
    }

    /**
     * How much longer a caller whose reserved permit was due at {@code dueNanos} (on {@link #clockNanos()}) must wait
     * because the strategy paused after the reservation was made; 0 when nothing changed.
     */
    default long delayAfterPause(long dueNanos) {
        return 0;
    }

    /** The strategy's clock, in nanoseconds. */
    default long clockNanos() {
        return System.nanoTime();
    }

    /** Permits that could be taken at once now (negative when callers hold reservations ahead). */
    long availablePermits();

    /** The rate the strategy currently allows, in permits per second. */
    double currentRate();

    /** The strategy's name in properties: {@code token-bucket}, {@code fixed-window}, ... */
    String kind();
}
