package com.ctera.autoconfigure.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

import com.ctera.autoconfigure.health.CteraPortalHealthSignal;
import com.ctera.client.resilience.CircuitBreakerInterceptor;
import com.ctera.client.resilience.PortalResilience;

/**
 * Shows each portal's circuit breaker in its health entry. An open breaker turns the entry DOWN only when the portal
 * sets {@code circuit-breaker.affects-health} or the application sets {@code ctera.health.resilience-affects-status}.
 */
final class CircuitBreakerHealthSignal implements CteraPortalHealthSignal {

    private final CteraResilience resilience;

    CircuitBreakerHealthSignal(CteraResilience resilience) {
        this.resilience = resilience;
    }

    @Override
    public String name() {
        return "circuitBreaker";
    }

    @Override
    public @Nullable State state(String portalName) {
        PortalResilience portal = this.resilience.find(portalName).orElse(null);
        CircuitBreakerInterceptor stage = (portal != null) ? portal.circuitBreaker() : null;
        if (stage == null) {
            return null;
        }
        CircuitBreaker breaker = stage.breaker();
        CircuitBreaker.State state = breaker.getState();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.name());
        details.put("failureRate", breaker.getMetrics().getFailureRate());
        boolean blocking = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
        return new State(blocking, portal.breakerAffectsHealth(), details);
    }
}
