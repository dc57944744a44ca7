package com.ctera.client.events;

import java.time.Instant;

/**
 * Everything the starter publishes to the application: portal changes and operational events. Records, so a listener
 * can take exactly the kind it wants ({@code @EventListener void on(CteraChangeEvent event)}).
 */
public sealed interface CteraEvent
        permits CteraChangeEvent, CteraResyncRequiredEvent, CteraPortalAvailabilityEvent,
        CteraWebhookEndpointDisabledEvent, CteraCircuitBreakerEvent {

    /** A stable id: the same change read again has the same id, so listeners can deduplicate on it. */
    String id();

    /** The portal's configured name. */
    String portal();

    /** When it happened (for a change: the portal's modification time when it sends one). */
    Instant time();
}
