package com.ctera.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The notification service's change feed (protocol §5.6): one ordered list of change entries per tenant, fed by
 * every file change. A cursor is the sequence number of the last entry a reader has seen, so each reader sees each
 * entry once. Long-polls wait on a sink completed by the next matching change, never on a thread. The feed lives in
 * memory, so a simulator started again has a new one: its {@link #epoch()} tells its cursors from those of an earlier
 * run, which it refuses as a portal refuses a cursor it did not issue.
 */
final class ChangeFeed {

    private final ConcurrentHashMap<String, TenantFeed> feeds = new ConcurrentHashMap<>();

    private final String epoch = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);

    /** One recorded change. */
    record Change(long sequence, long folderId, Map<String, @Nullable Object> entry) {
    }

    /** A page read from the feed. */
    record Page(List<Map<String, @Nullable Object>> entries, long cursor, boolean hasMore) {
    }

    /** Differs between two simulator runs; part of every cursor this feed issues. */
    String epoch() {
        return this.epoch;
    }

    void record(String tenant, long folderId, Map<String, @Nullable Object> entry) {
        feed(tenant).append(folderId, entry);
    }

    int size(String tenant) {
        return feed(tenant).size();
    }

    long head(String tenant) {
        return feed(tenant).head();
    }

    Page read(String tenant, Set<Long> folderIds, long after, int maxResults) {
        return feed(tenant).read(folderIds, after, maxResults);
    }

    /** True as soon as a matching change after the cursor exists, false when none came within the timeout. */
    Mono<Boolean> awaitChange(String tenant, Set<Long> folderIds, long after, Duration timeout) {
        return feed(tenant).await(folderIds, after, timeout);
    }

    private TenantFeed feed(String tenant) {
        return this.feeds.computeIfAbsent(tenant, key -> new TenantFeed());
    }

    private static boolean matches(Set<Long> folderIds, long folderId) {
        return folderIds.isEmpty() || folderIds.contains(folderId);
    }

    private static final class TenantFeed {

        private final List<Change> changes = new ArrayList<>();
        private final CopyOnWriteArrayList<Waiter> waiters = new CopyOnWriteArrayList<>();

        void append(long folderId, Map<String, @Nullable Object> entry) {
            Change change;
            synchronized (this) {
                change = new Change(this.changes.size() + 1L, folderId, new LinkedHashMap<>(entry));
                this.changes.add(change);
            }
            for (Waiter waiter : this.waiters) {
                if (matches(waiter.folderIds(), folderId)) {
                    waiter.sink().tryEmitValue(Boolean.TRUE);
                }
            }
        }

        synchronized int size() {
            return this.changes.size();
        }

        synchronized long head() {
            return this.changes.size();
        }

        synchronized Page read(Set<Long> folderIds, long after, int maxResults) {
            List<Map<String, @Nullable Object>> entries = new ArrayList<>();
            long cursor = Math.min(after, this.changes.size());
            for (int i = (int) cursor; i < this.changes.size(); i++) {
                Change change = this.changes.get(i);
                if (!matches(folderIds, change.folderId())) {
                    cursor = change.sequence();
                    continue;
                }
                if (entries.size() == maxResults) {
                    return new Page(entries, cursor, true);
                }
                entries.add(change.entry());
                cursor = change.sequence();
            }
            return new Page(entries, cursor, false);
        }

        synchronized boolean hasAfter(Set<Long> folderIds, long after) {
            for (int i = (int) Math.min(after, this.changes.size()); i < this.changes.size(); i++) {
                if (matches(folderIds, this.changes.get(i).folderId())) {
                    return true;
                }
            }
            return false;
        }

        Mono<Boolean> await(Set<Long> folderIds, long after, Duration timeout) {
            return Mono.defer(() -> {
                Waiter waiter = new Waiter(folderIds, Sinks.one());
                // Register first, then look: a change landing in between completes the sink instead of being missed.
                this.waiters.add(waiter);
                if (hasAfter(folderIds, after)) {
                    this.waiters.remove(waiter);
                    return Mono.just(Boolean.TRUE);
                }
                return waiter.sink().asMono()
                    .timeout(timeout, Mono.just(Boolean.FALSE))
                    .doFinally(signal -> this.waiters.remove(waiter));
            });
        }
    }

    private record Waiter(Set<Long> folderIds, Sinks.One<Boolean> sink) {
    }
}
