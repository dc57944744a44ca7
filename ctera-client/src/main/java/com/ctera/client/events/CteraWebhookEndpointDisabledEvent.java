package com.ctera.client.events;

import java.time.Instant;

/**
 * A webhook endpoint was disabled: it answered 410 Gone, or kept failing longer than allowed. Its pending deliveries
 * wait until it is enabled again.
 * @param id unique per disabling
 * @param portal empty: endpoints are not tied to one portal
 * @param endpoint the endpoint's name
 * @param reason why it was disabled
 * @param time when
 */
public record CteraWebhookEndpointDisabledEvent(String id, String portal, String endpoint, String reason, Instant time)
        implements CteraEvent {
}
