package com.ctera.client.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** Snapshots kept in memory until the application stops, for tests and applications without a database. */
public final class InMemoryUsageSnapshotStore implements UsageSnapshotStore {

    private static final Comparator<UsageSnapshot> ORDER = Comparator.comparing(UsageSnapshot::portal)
        .thenComparing(UsageSnapshot::time)
        .thenComparing(UsageSnapshot::tenant)
        .thenComparing(UsageSnapshot::cloudFolder)
        .thenComparing(snapshot -> (snapshot.owner() != null) ? snapshot.owner() : "");

    private final ConcurrentSkipListMap<UsageSnapshot, Boolean> snapshots = new ConcurrentSkipListMap<>(ORDER);

    @Override
    public void save(Collection<UsageSnapshot> snapshots) {
        for (UsageSnapshot snapshot : snapshots) {
            this.snapshots.putIfAbsent(snapshot, Boolean.TRUE);
        }
    }

    @Override
    public Stream<UsageSnapshot> find(String portal, Instant from, Instant to) {
        List<UsageSnapshot> found = new ArrayList<>();
        for (UsageSnapshot snapshot : this.snapshots.keySet()) {
            if (snapshot.portal().equals(portal) && !snapshot.time().isBefore(from) && snapshot.time().isBefore(to)) {
                found.add(snapshot);
            }
        }
        return found.stream();
    }
}
