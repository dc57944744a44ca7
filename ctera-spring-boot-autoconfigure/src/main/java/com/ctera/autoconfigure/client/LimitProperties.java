package com.ctera.autoconfigure.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** One client-side rate limit; unset keys fall back to the enclosing limit, then to the built-in defaults. */
public class LimitProperties {

    /**
     * How calls are limited: token-bucket (rate per second with bursts up to burst),
     * fixed-window (limit per window, Resilience4j), sliding-window (limit in
     * any window), adaptive (starts at rate, slows down on 429/503 and recovers) or
     * none. Defaults to none, or to fixed-window when ctera.rate-limit.max-requests is set.
     */
    private @Nullable String strategy;

    /** Permits per second for token-bucket and adaptive. Defaults to 50. */
    private @Nullable Double rate;

    /** Most permits taken at once for token-bucket and adaptive. Defaults to the rate (at least 1). */
    private @Nullable Long burst;

    /** Permits per window for fixed-window and sliding-window. Defaults to rate x window. */
    private @Nullable Integer limit;

    /** Window length for fixed-window and sliding-window. Defaults to 1s. */
    private @Nullable Duration window;

    /** Longest a call waits for a permit before failing with a throttled exception. Defaults to 5s. */
    private @Nullable Duration maxWait;

    /** Lowest rate an adaptive limiter slows down to, permits per second. Defaults to 0.5 (or the rate if lower). */
    private @Nullable Double minRate;

    /**
     * Whether a Retry-After from the portal pauses every caller of an adaptive limiter until it ends (true), or only
     * slows the limiter down (false: better throughput against a portal that sends a Retry-After with every refusal
     * of a rate ceiling). Defaults to true.
     */
    private @Nullable Boolean pauseOnRetryAfter;

    /**
     * Where the bucket lives: none (in this application instance) or jdbc (one token bucket in
     * PostgreSQL shared by every instance that uses the same limiter name; token-bucket strategy only). Defaults to
     * none.
     */
    private @Nullable String shared;

    /** The PostgreSQL store of a shared: jdbc limit. */
    @NestedConfigurationProperty
    private SharedLimitProperties jdbc = new SharedLimitProperties();

    public @Nullable String getStrategy() {
        return this.strategy;
    }

    public void setStrategy(@Nullable String strategy) {
        this.strategy = strategy;
    }

    public @Nullable Double getRate() {
        return this.rate;
    }

    public void setRate(@Nullable Double rate) {
        this.rate = rate;
    }

    public @Nullable Long getBurst() {
        return this.burst;
    }

    public void setBurst(@Nullable Long burst) {
        this.burst = burst;
    }

    public @Nullable Integer getLimit() {
        return this.limit;
    }

    public void setLimit(@Nullable Integer limit) {
        this.limit = limit;
    }

    public @Nullable Duration getWindow() {
        return this.window;
    }

    public void setWindow(@Nullable Duration window) {
        this.window = window;
    }

    public @Nullable Duration getMaxWait() {
        return this.maxWait;
    }

    public void setMaxWait(@Nullable Duration maxWait) {
        this.maxWait = maxWait;
    }

    public @Nullable Double getMinRate() {
        return this.minRate;
    }

    public void setMinRate(@Nullable Double minRate) {
        this.minRate = minRate;
    }

    public @Nullable String getShared() {
        return this.shared;
    }

    public void setShared(@Nullable String shared) {
        this.shared = shared;
    }

    public SharedLimitProperties getJdbc() {
        return this.jdbc;
    }

    public void setJdbc(SharedLimitProperties jdbc) {
        this.jdbc = jdbc;
    }

    public @Nullable Boolean getPauseOnRetryAfter() {
        return this.pauseOnRetryAfter;
    }

    public void setPauseOnRetryAfter(@Nullable Boolean pauseOnRetryAfter) {
        this.pauseOnRetryAfter = pauseOnRetryAfter;
    }
}
