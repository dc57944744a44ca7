package com.ctera.autoconfigure.health;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A client-side guard of the portals (circuit breaker, rate limiter) that shows its state in each portal's health
 * entry. Beans of this type are picked up by the health indicator; whether a blocking state makes the entry DOWN is
 * the user's choice ({@code ctera.health.resilience-affects-status} for every guard, or the guard's own per-portal
 * setting such as {@code circuit-breaker.affects-health}; both off by default).
 */
public interface CteraPortalHealthSignal {

    /** The key of this guard's details in the health entry, such as {@code circuitBreaker}. */
    String name();

    /** This guard's state for the portal, or null when it does not guard that portal. Must be quick. */
    @Nullable State state(String portalName);

    /**
     * The state of a guard for one portal.
     * @param blocking whether the guard currently refuses calls (breaker open, limiter exhausted)
     * @param affectsStatus whether this portal opted in to a DOWN entry while the guard blocks, whatever
     * {@code ctera.health.resilience-affects-status} says
     * @param details what to show, such as the breaker state or the permits left; never a secret
     */
    record State(boolean blocking, boolean affectsStatus, Map<String, Object> details) {

        /** A state that follows {@code ctera.health.resilience-affects-status}. */
        public State(boolean blocking, Map<String, Object> details) {
            this(blocking, false, details);
        }
    }
}
