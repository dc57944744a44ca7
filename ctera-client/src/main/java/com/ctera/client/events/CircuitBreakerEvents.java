package com.ctera.client.events;

import java.time.Clock;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a portal's Resilience4j circuit breaker transitions into {@link CteraCircuitBreakerEvent}s: one when it
 * starts refusing calls, one when it lets them through again. Half-open probes that fail and re-open it are not
 * news to a listener, so they publish nothing.
 */
public final class CircuitBreakerEvents {

    private static final Logger logger = LoggerFactory.getLogger(CircuitBreakerEvents.class);

    private CircuitBreakerEvents() {
    }

    /** Publishes the breaker's openings and closings as events of the portal. */
    public static void attach(String portal, CircuitBreaker breaker, CteraEventPublisher publisher, Clock clock) {
        breaker.getEventPublisher().onStateTransition(transition -> {
            CteraCircuitBreakerEvent event = toEvent(portal, transition, clock);
            if (event == null) {
                return;
            }
            try {
                publisher.publish(event);
            }
            catch (RuntimeException ex) {
                // Resilience4j would swallow it too; a failing listener must not affect the portal's calls.
                logger.debug("A listener failed on {}: {}", event, ex.toString());
            }
        });
    }

    static @Nullable CteraCircuitBreakerEvent toEvent(String portal, CircuitBreakerOnStateTransitionEvent transition,
            Clock clock) {
        CircuitBreaker.State from = transition.getStateTransition().getFromState();
        CircuitBreaker.State to = transition.getStateTransition().getToState();
        boolean opened = refuses(to) && !refuses(from) && from != CircuitBreaker.State.HALF_OPEN;
        boolean closed = !refuses(to) && to != CircuitBreaker.State.HALF_OPEN && from != to
                && (refuses(from) || from == CircuitBreaker.State.HALF_OPEN);
        if (!opened && !closed) {
            return null;
        }
        return new CteraCircuitBreakerEvent("cbr_" + UUID.randomUUID().toString().replace("-", ""), portal, opened,
                from.name(), to.name(), clock.instant());
    }

    private static boolean refuses(CircuitBreaker.State state) {
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }
}
