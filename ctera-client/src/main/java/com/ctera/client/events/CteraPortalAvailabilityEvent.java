package com.ctera.client.events;

import java.time.Instant;

/**
 * The change-feed poller lost or regained its portal: published once when calls start failing and once when they
 * succeed again, not for every retry.
 * @param id unique per transition
 * @param portal the portal's configured name
 * @param available whether the portal answers again
 * @param detail the failure that took it down, or how long it was down
 * @param time when the transition was noticed
 */
public record CteraPortalAvailabilityEvent(String id, String portal, boolean available, String detail, Instant time)
        implements CteraEvent {
}
