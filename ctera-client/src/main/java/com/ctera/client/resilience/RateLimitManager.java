package com.ctera.client.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraThrottledException;

/**
 * Rate limits by key for application code, the Spring form of the original feature set's
 * {@code RateLimitManager.acquire(key)}: the limiters of the portals ({@code main}, {@code main.users}), named
 * limits, and optionally a fallback that gives every other key a limit of its own. Thread-safe.
 */
public final class RateLimitManager {

    private final ConcurrentHashMap<String, CallRateLimiter> limiters = new ConcurrentHashMap<>();

    private final @Nullable Function<String, CallRateLimiter> fallback;

    /**
     * @param named limiters by key
     * @param fallback creates the limiter of a key that has none (called once per key), or null to refuse such keys
     */
    public RateLimitManager(Map<String, CallRateLimiter> named, @Nullable Function<String, CallRateLimiter> fallback) {
        this.limiters.putAll(named);
        this.fallback = fallback;
    }

    /** Adds a limiter under its name unless the key is taken; returns the limiter the key now has. */
    public CallRateLimiter register(CallRateLimiter limiter) {
        CallRateLimiter existing = this.limiters.putIfAbsent(limiter.name(), limiter);
        return (existing != null) ? existing : limiter;
    }

    /**
     * Blocks until the key's limiter grants a permit, at most its max-wait. Not for reactive threads: use
     * {@link #acquireReactive(String)} there.
     * @throws CteraThrottledException when no permit comes within the max-wait
     * @throws IllegalArgumentException when the key has no limit
     */
    public void acquire(String key) {
        limiter(key).acquire();
    }

    /** Blocks at most {@code timeout} for a permit of the key's limiter; false when none came (nothing taken). */
    public boolean tryAcquire(String key, Duration timeout) {
        return limiter(key).tryAcquire(timeout);
    }

    /** Completes when the key's limiter grants a permit, waiting on a timer rather than a thread. */
    public Mono<Void> acquireReactive(String key) {
        return Mono.defer(() -> limiter(key).acquireReactive().then());
    }

    /** The limiter of the key. */
    public CallRateLimiter limiter(String key) {
        CallRateLimiter limiter = this.limiters.get(key);
        if (limiter != null) {
            return limiter;
        }
        if (this.fallback == null) {
            throw new IllegalArgumentException("No rate limit for key '" + key + "'; known keys: " + keys());
        }
        return this.limiters.computeIfAbsent(key, this.fallback);
    }

    /** The keys that have a limiter now. */
    public Set<String> keys() {
        return new TreeSet<>(this.limiters.keySet());
    }
}
