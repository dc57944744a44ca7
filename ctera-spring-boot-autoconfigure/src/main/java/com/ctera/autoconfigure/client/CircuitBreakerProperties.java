package com.ctera.autoconfigure.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The Resilience4j circuit breaker of a portal ({@code ctera.portals.<name>.circuit-breaker.*}), with
 * Resilience4j's standard settings. Only failures that say the portal is unwell count: connect failures, resets,
 * timeouts and 5xx; not-found, conflicts and throttling do not.
 */
public class CircuitBreakerProperties {

    /** Whether the portal has a circuit breaker. Defaults to true. */
    private @Nullable Boolean enabled;

    /** Failure percentage at or above which the breaker opens. Defaults to 50. */
    private @Nullable Float failureRateThreshold;

    /** Slow call percentage at or above which the breaker opens. Defaults to 100 (off). */
    private @Nullable Float slowCallRateThreshold;

    /** Calls slower than this count as slow. Defaults to 60s. */
    private @Nullable Duration slowCallDurationThreshold;

    /** count-based (the last N calls) or time-based (the last N seconds). Defaults to count-based. */
    private @Nullable String slidingWindowType;

    /** Size of the sliding window, in calls or seconds. Defaults to 100. */
    private @Nullable Integer slidingWindowSize;

    /** Calls needed in the window before the failure rate is judged. Defaults to 20. */
    private @Nullable Integer minimumNumberOfCalls;

    /** How long the breaker stays open before letting trial calls through. Defaults to 30s. */
    private @Nullable Duration waitDurationInOpenState;

    /** Trial calls allowed while half-open. Defaults to 5. */
    private @Nullable Integer permittedNumberOfCallsInHalfOpenState;

    /**
     * Whether an open breaker turns the portal's health DOWN. Defaults to false: a portal that is briefly failing
     * should not take the whole application out of a load balancer. Opt in where the portal is essential.
     */
    private @Nullable Boolean affectsHealth;

    public @Nullable Boolean getEnabled() {
        return this.enabled;
    }

    public void setEnabled(@Nullable Boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable Float getFailureRateThreshold() {
        return this.failureRateThreshold;
    }

    public void setFailureRateThreshold(@Nullable Float failureRateThreshold) {
        this.failureRateThreshold = failureRateThreshold;
    }

    public @Nullable Float getSlowCallRateThreshold() {
        return this.slowCallRateThreshold;
    }

    public void setSlowCallRateThreshold(@Nullable Float slowCallRateThreshold) {
        this.slowCallRateThreshold = slowCallRateThreshold;
    }

    public @Nullable Duration getSlowCallDurationThreshold() {
        return this.slowCallDurationThreshold;
    }

    public void setSlowCallDurationThreshold(@Nullable Duration slowCallDurationThreshold) {
        this.slowCallDurationThreshold = slowCallDurationThreshold;
    }

    public @Nullable String getSlidingWindowType() {
        return this.slidingWindowType;
    }

    public void setSlidingWindowType(@Nullable String slidingWindowType) {
        this.slidingWindowType = slidingWindowType;
    }

    public @Nullable Integer getSlidingWindowSize() {
        return this.slidingWindowSize;
    }

    public void setSlidingWindowSize(@Nullable Integer slidingWindowSize) {
        this.slidingWindowSize = slidingWindowSize;
    }

    public @Nullable Integer getMinimumNumberOfCalls() {
        return this.minimumNumberOfCalls;
    }

    public void setMinimumNumberOfCalls(@Nullable Integer minimumNumberOfCalls) {
        this.minimumNumberOfCalls = minimumNumberOfCalls;
    }

    public @Nullable Duration getWaitDurationInOpenState() {
        return this.waitDurationInOpenState;
    }

    public void setWaitDurationInOpenState(@Nullable Duration waitDurationInOpenState) {
        this.waitDurationInOpenState = waitDurationInOpenState;
    }

    public @Nullable Integer getPermittedNumberOfCallsInHalfOpenState() {
        return this.permittedNumberOfCallsInHalfOpenState;
    }

    public void setPermittedNumberOfCallsInHalfOpenState(@Nullable Integer permittedNumberOfCallsInHalfOpenState) {
        this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
    }

    public @Nullable Boolean getAffectsHealth() {
        return this.affectsHealth;
    }

    public void setAffectsHealth(@Nullable Boolean affectsHealth) {
        this.affectsHealth = affectsHealth;
    }
}
