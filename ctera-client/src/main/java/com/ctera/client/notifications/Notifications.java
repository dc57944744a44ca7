package com.ctera.client.notifications;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The change feed (protocol §5.6), blocking; every method delegates to {@link ReactiveNotifications}. */
public final class Notifications {

    private final ReactiveNotifications reactive;

    /** Created by {@code CteraPortal}. */
    public Notifications(ReactiveNotifications reactive) {
        this.reactive = reactive;
    }

    /** The changes after {@code cursor} ({@code null}: from the start) in the folders (empty: all). */
    public ChangeBatch list(List<Long> folderIds, @Nullable String cursor, int maxResults) {
        return this.reactive.list(folderIds, cursor, maxResults).block();
    }

    /** The changes after {@code cursor}, at most 2000. */
    public ChangeBatch list(List<Long> folderIds, @Nullable String cursor) {
        return list(folderIds, cursor, ReactiveNotifications.DEFAULT_MAX_RESULTS);
    }

    /** Waits on the portal up to {@code timeout} for changes after {@code cursor}; whether there are any. */
    public boolean longpoll(List<Long> folderIds, String cursor, Duration timeout) {
        return Boolean.TRUE.equals(this.reactive.longpoll(folderIds, cursor, timeout).block());
    }

    /** The ancestors of a changed item, root first, the item last. */
    public List<Ancestor> ancestors(long folderId, String guid) {
        return this.reactive.ancestors(folderId, guid).block();
    }

    /** The full path of a changed item. */
    public String path(ChangeEntry entry) {
        return this.reactive.path(entry).block();
    }
}
