package com.ctera.client.events;

import java.time.Instant;

/**
 * A portal's circuit breaker opened (calls to the portal fail at once for a while) or closed again: published once
 * per opening and once per closing, not for the half-open probes in between.
 * @param id unique per transition
 * @param portal the portal's configured name
 * @param open whether the breaker opened (true) or closed (false)
 * @param fromState the breaker's state before, as Resilience4j names it (e.g. {@code CLOSED}, {@code HALF_OPEN})
 * @param toState the breaker's state after (e.g. {@code OPEN}, {@code FORCED_OPEN}, {@code CLOSED})
 * @param time when the transition happened
 */
public record CteraCircuitBreakerEvent(String id, String portal, boolean open, String fromState, String toState,
        Instant time) implements CteraEvent {
}
