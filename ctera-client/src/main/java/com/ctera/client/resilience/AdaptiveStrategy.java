package com.ctera.client.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Adaptive token bucket, CUBIC-style like the AWS SDK's adaptive retry mode: it starts at the configured rate, cuts
 * the rate by {@link #BETA} on every throttling answer, and after that grows it back along a cubic curve to a plateau
 * just below the rate at which the portal throttled, holds there, and then probes above it slowly, never above the
 * configured rate. A {@code Retry-After} pauses the bucket for every caller until that time, not only for the call
 * that got it.
 */
public final class AdaptiveStrategy implements RateLimitStrategy {

    /** Multiplicative decrease on throttling. */
    static final double BETA = 0.7;

    /** Scale of the cubic recovery, in permits per second per cubic second. */
    static final double SCALE = 0.4;

    /**
     * The plateau, as a share of the rate at which the portal last throttled. Holding just below that rate, rather
     * than at it as plain CUBIC does, makes overruns rare; each one costs a whole {@code Retry-After} pause.
     */
    static final double PLATEAU_SHARE = 0.9;

    /** How long the rate holds at the plateau before it probes above it. */
    static final double PLATEAU_SECONDS = 20;

    /** How long the probe takes from the plateau back to the rate that was throttled; it grows faster beyond it. */
    static final double PROBE_SECONDS = 10;

    private final double maxRate;

    private final double minRate;

    private final double capacity;

    private final LongSupplier nanoTime;

    private final boolean pauseOnRetryAfter;

    private double rate;

    private double tokens;

    private long lastRefill;

    private double lastMaxRate;

    private long lastThrottle;

    private long pausedUntil;

    private long pauseStarted;

    private long cutHoldNanos;

    private long throttles;

    /**
     * @param rate the configured rate, permits per second: the starting rate and the ceiling
     * @param burst the most permits that may accumulate
     * @param minRate the rate is never cut below this
     */
    public AdaptiveStrategy(double rate, long burst, double minRate) {
        this(rate, burst, minRate, System::nanoTime);
    }

    /** With a controllable clock, for tests. */
    public AdaptiveStrategy(double rate, long burst, double minRate, LongSupplier nanoTime) {
        this(rate, burst, minRate, true, nanoTime);
    }

    /**
     * @param pauseOnRetryAfter whether a {@code Retry-After} pauses every caller until it ends (true), or only the
     * rate cut applies (false, the AWS SDK's behaviour: better throughput against a portal that sends a
     * {@code Retry-After} with every refusal of a rate ceiling)
     */
    public AdaptiveStrategy(double rate, long burst, double minRate, boolean pauseOnRetryAfter, LongSupplier nanoTime) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("adaptive rate must be positive, was " + rate);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("adaptive burst must be at least 1, was " + burst);
        }
        if (!(minRate > 0) || minRate > rate) {
            throw new IllegalArgumentException("adaptive min-rate must be positive and at most the rate (" + rate
                    + "), was " + minRate);
        }
        this.maxRate = rate;
        this.minRate = minRate;
        this.pauseOnRetryAfter = pauseOnRetryAfter;
        this.capacity = burst;
        this.nanoTime = nanoTime;
        this.rate = rate;
        this.tokens = burst;
        this.lastRefill = nanoTime.getAsLong();
        this.lastMaxRate = rate;
        this.lastThrottle = this.lastRefill;
        this.pausedUntil = this.lastRefill;
        this.pauseStarted = this.lastRefill;
    }

    @Override
    public synchronized long reserve(long maxWaitNanos) {
        long now = this.nanoTime.getAsLong();
        refill(now);
        long pause = Math.max(0, this.pausedUntil - now);
        long tokenWait = (this.tokens >= 1) ? 0 : (long) Math.ceil((1 - this.tokens) / this.rate * 1e9);
        long wait = pause + tokenWait;
        if (wait > maxWaitNanos) {
            return REJECTED;
        }
        this.tokens -= 1;
        return wait;
    }

    @Override
    public synchronized void onSuccess() {
        if (this.rate >= this.maxRate) {
            return;
        }
        long now = this.nanoTime.getAsLong();
        refill(now);
        this.rate = clamp(Math.max(this.rate, recoveryRate((now - this.lastThrottle) / 1e9)));
    }

    /**
     * The rate {@code seconds} after the last cut: a concave cubic up to the plateau (fast at first, flat on arrival),
     * the plateau for {@link #PLATEAU_SECONDS}, then a convex cubic probe that reaches the throttled rate after
     * {@link #PROBE_SECONDS} and keeps growing, so a portal whose limit was raised is found again.
     */
    private double recoveryRate(double seconds) {
        double plateau = PLATEAU_SHARE * this.lastMaxRate;
        double afterCut = this.lastMaxRate * BETA;
        double k = (plateau > afterCut) ? Math.cbrt((plateau - afterCut) / SCALE) : 0;
        if (seconds < k) {
            return SCALE * Math.pow(seconds - k, 3) + plateau;
        }
        double probing = seconds - k - PLATEAU_SECONDS;
        if (probing <= 0) {
            return plateau;
        }
        double probeScale = (this.lastMaxRate - plateau) / Math.pow(PROBE_SECONDS, 3);
        return plateau + probeScale * Math.pow(probing, 3);
    }

    @Override
    public synchronized void onThrottled(@Nullable Duration retryAfter) {
        onThrottled(retryAfter, this.nanoTime.getAsLong());
    }

    /**
     * Cuts the rate unless the refused call was sent before the last cut ended its hold: a refusal of a call sent
     * before the last cut, or within the {@code Retry-After} that came with it, answers the overrun that cut already
     * reacted to. Cutting again for each of them would collapse the rate after one overrun.
     */
    @Override
    public synchronized void onThrottled(@Nullable Duration retryAfter, long permitNanos) {
        long now = this.nanoTime.getAsLong();
        refill(now);
        this.throttles++;
        boolean hasRetryAfter = retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero();
        if (permitNanos - (this.lastThrottle + this.cutHoldNanos) >= 0) {
            this.lastMaxRate = this.rate;
            this.lastThrottle = now;
            this.cutHoldNanos = hasRetryAfter ? retryAfter.toNanos() : 0;
            this.rate = clamp(this.rate * BETA);
        }
        if (this.pauseOnRetryAfter && hasRetryAfter && now + retryAfter.toNanos() - this.pausedUntil > 0) {
            if (now - this.pausedUntil >= 0) {
                this.pauseStarted = now;
            }
            this.pausedUntil = now + retryAfter.toNanos();
            // Tokens do not accrue during the pause: callers queued behind it are spaced at the rate afterwards.
            this.lastRefill = Math.max(this.lastRefill, this.pausedUntil);
        }
    }

    /**
     * A permit reserved before a pause began but due inside it is moved past the pause by the pause's length, so it
     * keeps its place and spacing in the queue instead of reaching the portal while it asked for silence.
     */
    @Override
    public synchronized long delayAfterPause(long dueNanos) {
        if (dueNanos - this.pauseStarted < 0 || dueNanos - this.pausedUntil >= 0) {
            return 0;
        }
        long retimed = dueNanos + (this.pausedUntil - this.pauseStarted);
        return Math.max(0, retimed - this.nanoTime.getAsLong());
    }

    @Override
    public long clockNanos() {
        return this.nanoTime.getAsLong();
    }

    @Override
    public synchronized long availablePermits() {
        refill(this.nanoTime.getAsLong());
        return (long) Math.floor(this.tokens);
    }

    @Override
    public synchronized double currentRate() {
        return this.rate;
    }

    /** Throttling answers seen so far. */
    public synchronized long throttles() {
        return this.throttles;
    }

    /** The end of the current {@code Retry-After} pause, in the clock's nanoseconds; in the past when none. */
    public synchronized long pausedUntilNanos() {
        return this.pausedUntil;
    }

    @Override
    public String kind() {
        return "adaptive";
    }

    private void refill(long now) {
        if (now > this.lastRefill) {
            this.tokens = Math.min(this.capacity, this.tokens + (now - this.lastRefill) / 1e9 * this.rate);
            this.lastRefill = now;
        }
    }

    private double clamp(double value) {
        return Math.max(this.minRate, Math.min(this.maxRate, value));
    }
}
