package com.ctera.client.events;

import java.time.Instant;

/**
 * The portal refused the stored cursor (expired or unknown), so the poller took a new baseline: changes between the
 * last batch read and now were not seen. Consumers that mirror state should re-read it.
 * @param id unique per re-baseline
 * @param portal the portal's configured name
 * @param reason why the cursor was refused, as the portal said it
 * @param time when the new baseline was taken
 */
public record CteraResyncRequiredEvent(String id, String portal, String reason, Instant time) implements CteraEvent {
}
