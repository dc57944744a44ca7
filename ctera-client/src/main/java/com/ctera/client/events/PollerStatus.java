package com.ctera.client.events;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a change-feed poller is doing, for Actuator and metrics.
 * @param portal the portal's configured name
 * @param running whether its thread runs
 * @param leaseHolder the instance that holds the portal's lease (empty: none)
 * @param holdsLease whether this instance holds it
 * @param cursor the stored cursor
 * @param batches batches committed so far (all instances)
 * @param lastBatchAt when the cursor last moved
 * @param lagMillis time from the last event's change on the portal to its publication here
 * @param published events handed to listeners by this instance, per type
 * @param failures failed attempts to read the feed since start
 * @param resyncs re-baselines after a refused cursor
 * @param ancestorCalls {@code ancestors} calls made to resolve paths
 * @param pendingPublications committed events not yet handed to every listener
 * @param lastError the last failure, if the portal is failing now
 */
public record PollerStatus(String portal, boolean running, String leaseHolder, boolean holdsLease,
        @Nullable String cursor, long batches, @Nullable Instant lastBatchAt, long lagMillis,
        Map<EventType, Long> published, long failures, long resyncs, long ancestorCalls, long pendingPublications,
        @Nullable String lastError) {
}
