package com.ctera.autoconfigure.actuate;

import java.util.Map;

/**
 * Adds a section to each portal's entry in {@code /actuator/ctera}: a feature (rate limiters, circuit breaker, event
 * poller, webhooks) describes its state for one portal without touching the endpoint. Beans of this type are picked
 * up in {@link org.springframework.core.annotation.Order} order.
 */
public interface CteraEndpointContributor {

    /** The section's key in a portal's entry, such as {@code rateLimiter}; unique among contributors. */
    String section();

    /**
     * This feature's state for the portal: values that serialize to JSON (strings, numbers, booleans, maps, lists).
     * Empty to leave the section out. Must be quick, read-only, and never include a secret.
     */
    Map<String, Object> describe(String portalName);
}
