package com.ctera.autoconfigure.client;

import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.jspecify.annotations.Nullable;

import com.ctera.client.resilience.RetryPolicy;

/**
 * The resolved resilience settings of one portal.
 * @param retry the retry policy, or null when retrying is off
 * @param overallDeadline the overall deadline of a call, or null for none
 * @param circuitBreaker the breaker's configuration, or null when the portal has no breaker
 * @param breakerAffectsHealth whether an open breaker should turn the portal's health DOWN
 * @param rateLimit the portal's rate limit
 * @param operationLimits rate limits by operation group
 */
public record ResilienceSettings(@Nullable RetryPolicy retry, @Nullable Duration overallDeadline,
        @Nullable CircuitBreakerConfig circuitBreaker, boolean breakerAffectsHealth, LimitSettings rateLimit,
        Map<String, LimitSettings> operationLimits) {
}
