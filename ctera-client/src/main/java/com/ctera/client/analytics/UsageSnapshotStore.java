package com.ctera.client.analytics;

import java.time.Instant;
import java.util.Collection;
import java.util.stream.Stream;

/** Where recorded usage snapshots are kept: the history storage trends are computed from. */
public interface UsageSnapshotStore {

    /** Keeps the snapshots; one already kept (same portal, time, tenant, folder and owner) is kept once. */
    void save(Collection<UsageSnapshot> snapshots);

    /** A portal's snapshots taken at or after {@code from} and before {@code to}, oldest first. */
    Stream<UsageSnapshot> find(String portal, Instant from, Instant to);
}
