package com.ctera.client.resilience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraPortalBuilder;
import com.ctera.client.pipeline.CallInterceptor;

/**
 * The resilience stages of one portal, any of them absent: deadline, retry, circuit breaker, rate limiting. Adds
 * them to a portal builder and describes their live state for diagnostics.
 * @param portalName the portal's name
 * @param deadline the overall deadline stage, or null for none
 * @param retry the retry stage, or null for none
 * @param circuitBreaker the circuit breaker stage, or null for none
 * @param rateLimit the rate limiting stage, or null for none
 * @param breakerAffectsHealth whether an open breaker should turn the portal's health DOWN (read by health code)
 */
public record PortalResilience(String portalName, @Nullable DeadlineInterceptor deadline,
        @Nullable RetryInterceptor retry, @Nullable CircuitBreakerInterceptor circuitBreaker,
        @Nullable RateLimitInterceptor rateLimit, boolean breakerAffectsHealth) {

    /** The stages that are present, in no particular order (the pipeline sorts them). */
    public List<CallInterceptor> interceptors() {
        List<CallInterceptor> stages = new ArrayList<>();
        if (this.deadline != null) {
            stages.add(this.deadline);
        }
        if (this.retry != null) {
            stages.add(this.retry);
        }
        if (this.circuitBreaker != null) {
            stages.add(this.circuitBreaker);
        }
        if (this.rateLimit != null) {
            stages.add(this.rateLimit);
        }
        return stages;
    }

    /** Adds every present stage to the builder. */
    public CteraPortalBuilder applyTo(CteraPortalBuilder builder) {
        interceptors().forEach(builder::interceptor);
        return builder;
    }

    /** Live state: limiters, breaker, retry budget, deadline. Holds no secret. */
    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        if (this.deadline != null) {
            state.put("deadline", this.deadline.deadline().toString());
        }
        if (this.retry != null) {
            RetryPolicy policy = this.retry.policy();
            Map<String, Object> retry = new LinkedHashMap<>();
            retry.put("maxAttempts", policy.maxAttempts());
            retry.put("baseDelay", policy.baseDelay().toString());
            retry.put("multiplier", policy.multiplier());
            retry.put("maxDelay", policy.maxDelay().toString());
            retry.put("fullJitter", policy.fullJitter());
            retry.put("maxRetryAfter", policy.maxRetryAfter().toString());
            retry.put("budgetAvailable", this.retry.budget().available());
            retry.put("budgetCapacity", policy.budget().capacity());
            retry.put("budgetExhaustions", this.retry.budget().exhaustions());
            retry.put("retries", this.retry.retries());
            retry.put("readBacksTookEffect", this.retry.readBacksTookEffect());
            state.put("retry", retry);
        }
        if (this.circuitBreaker != null) {
            var breaker = this.circuitBreaker.breaker();
            Map<String, Object> cb = new LinkedHashMap<>();
            cb.put("name", breaker.getName());
            cb.put("state", breaker.getState().name());
            cb.put("failureRate", breaker.getMetrics().getFailureRate());
            cb.put("bufferedCalls", breaker.getMetrics().getNumberOfBufferedCalls());
            cb.put("notPermittedCalls", breaker.getMetrics().getNumberOfNotPermittedCalls());
            cb.put("affectsHealth", this.breakerAffectsHealth);
            state.put("circuitBreaker", cb);
        }
        if (this.rateLimit != null) {
            Map<String, Object> limiters = new LinkedHashMap<>();
            this.rateLimit.limiters().forEach((name, limiter) -> limiters.put(name, limiter.describe()));
            state.put("rateLimiters", limiters);
        }
        return state;
    }
}
