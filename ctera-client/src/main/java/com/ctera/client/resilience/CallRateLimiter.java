package com.ctera.client.resilience;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.CteraRateLimitedException;

/**
 * A named limiter: a {@link RateLimitStrategy} plus the waiting. Reactive callers wait on a timer, never on a
 * thread; blocking callers ({@link #acquire()}, {@link #tryAcquire(Duration)}) wait on their own thread. Counts
 * waiting callers and rejections for metrics.
 */
public final class CallRateLimiter {

    private final String name;

    private final RateLimitStrategy strategy;

    private final Duration maxWait;

    private final Scheduler timer;

    private final AtomicInteger waiting = new AtomicInteger();

    private final LongAdder rejections = new LongAdder();

    private final LongAdder granted = new LongAdder();

    /**
     * @param name the limiter's name in metrics, e.g. {@code main} or {@code main.users}
     * @param maxWait the longest a call waits for a permit before it fails with {@link CteraRateLimitedException}
     */
    public CallRateLimiter(String name, RateLimitStrategy strategy, Duration maxWait) {
        this(name, strategy, maxWait, Schedulers.parallel());
    }

    public CallRateLimiter(String name, RateLimitStrategy strategy, Duration maxWait, Scheduler timer) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("rate limiter max-wait must not be negative, was " + maxWait);
        }
        this.name = name;
        this.strategy = strategy;
        this.maxWait = maxWait;
        this.timer = timer;
    }

    /** Waits (without blocking a thread) for a permit, at most the limiter's max-wait; emits how long it waited. */
    public Mono<Duration> acquireReactive() {
        return acquireReactive(this.maxWait);
    }

    /** Waits (without blocking a thread) for a permit, at most {@code timeout}; emits how long it waited. */
    public Mono<Duration> acquireReactive(Duration timeout) {
        if (this.strategy.answersAtOnce()) {
            return Mono.defer(() -> awaitReserved(reserve(timeout), timeout));
        }
        return this.strategy.reserveReactive(timeout.toNanos()).flatMap(wait -> {
            count(wait);
            return awaitReserved(wait, timeout);
        });
    }

    /**
     * Waits out a reservation made by {@link #reserve(Duration)} with that {@code timeout}: emits the wait, or fails
     * with {@link CteraRateLimitedException} when the reservation was refused.
     */
    Mono<Duration> awaitReserved(long wait, Duration timeout) {
        if (wait == RateLimitStrategy.REJECTED) {
            return Mono.error(new CteraRateLimitedException(this.name, "Client-side rate limit '" + this.name
                    + "' (" + this.strategy.kind() + ") has no permit within " + timeout, timeout, null));
        }
        if (wait == 0) {
            return Mono.just(Duration.ZERO);
        }
        long due = this.strategy.clockNanos() + wait;
        this.waiting.incrementAndGet();
        return Mono.delay(Duration.ofNanos(wait), this.timer)
            .then(Mono.defer(() -> {
                // A pause that began while this caller waited moves its permit past the pause.
                long extra = this.strategy.delayAfterPause(due);
                Duration waited = Duration.ofNanos(wait + extra);
                return (extra > 0) ? Mono.delay(Duration.ofNanos(extra), this.timer).thenReturn(waited)
                        : Mono.just(waited);
            }))
            .doFinally(signal -> this.waiting.decrementAndGet());
    }

    /**
     * Reserves a permit without waiting for it, counting the outcome: the nanoseconds until it may be used, or
     * {@link RateLimitStrategy#REJECTED} when it would come later than {@code timeout}.
     */
    public long reserve(Duration timeout) {
        long wait = this.strategy.reserve(timeout.toNanos());
        count(wait);
        return wait;
    }

    private void count(long wait) {
        if (wait == RateLimitStrategy.REJECTED) {
            this.rejections.increment();
        }
        else {
            this.granted.increment();
        }
    }

    /** Blocks the calling thread until a permit is granted (at most max-wait); for user code, not reactive code. */
    public void acquire() {
        acquireReactive().block();
    }

    /** Blocks at most {@code timeout} for a permit; false, with nothing taken, when none comes in time. */
    public boolean tryAcquire(Duration timeout) {
        try {
            acquireReactive(timeout).block();
            return true;
        }
        catch (CteraRateLimitedException ex) {
            return false;
        }
    }

    /** The limiter's name. */
    public String name() {
        return this.name;
    }

    /** Its strategy. */
    public RateLimitStrategy strategy() {
        return this.strategy;
    }

    /** The longest a call waits for a permit. */
    public Duration maxWait() {
        return this.maxWait;
    }

    /** Callers waiting for their reserved permit now. */
    public int waitingCallers() {
        return this.waiting.get();
    }

    /** Calls refused because no permit came within their wait. */
    public long rejections() {
        return this.rejections.sum();
    }

    /** Permits granted so far. */
    public long granted() {
        return this.granted.sum();
    }

    /** State for diagnostics: strategy, rate, permits, waiting callers, rejections. */
    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("strategy", this.strategy.kind());
        state.put("currentRate", this.strategy.currentRate());
        state.put("availablePermits", this.strategy.availablePermits());
        state.put("waitingCallers", waitingCallers());
        state.put("rejections", rejections());
        state.put("granted", granted());
        state.put("maxWait", this.maxWait.toString());
        return state;
    }
}
