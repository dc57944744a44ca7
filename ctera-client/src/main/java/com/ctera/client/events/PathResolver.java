package com.ctera.client.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.client.notifications.Ancestor;
import com.ctera.client.notifications.ChangeEntry;
import com.ctera.client.notifications.Notifications;

/**
 * Full paths of changed items. A feed entry names only its leaf and its parent's guid, so the path of a folder, once
 * known, is cached and an item under a cached folder costs no call; otherwise {@code ancestors} is asked and every
 * folder level of its answer is cached. A folder renamed, moved or deleted empties the cache (its descendants' paths
 * changed). Used by one poller thread.
 */
final class PathResolver {

    private static final Logger logger = LoggerFactory.getLogger(PathResolver.class);

    private final Notifications feed;

    private final Map<String, String> folderPaths;

    private final AtomicLong ancestorCalls = new AtomicLong();

    private final AtomicLong failures = new AtomicLong();

    PathResolver(Notifications feed, int cacheSize) {
        this.feed = feed;
        this.folderPaths = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > cacheSize;
            }
        };
    }

    long ancestorCalls() {
        return this.ancestorCalls.get();
    }

    long failures() {
        return this.failures.get();
    }

    /** Drops every cached path (after a re-baseline the folders may be other ones). */
    void forget() {
        this.folderPaths.clear();
    }

    /** The item's path from its cloud folder's root, or null when the portal cannot tell it. */
    @Nullable String path(ChangeEntry entry) {
        String parentPath = (entry.parentGuid() != null) ? this.folderPaths.get(entry.parentGuid()) : null;
        String path = (parentPath != null) ? parentPath + "/" + entry.name() : fromAncestors(entry);
        if (entry.folder()) {
            String cached = this.folderPaths.get(entry.guid());
            if (entry.deleted() || (cached != null && !cached.equals(path))) {
                this.folderPaths.clear();
            }
            if (!entry.deleted() && path != null) {
                this.folderPaths.put(entry.guid(), path);
            }
        }
        return path;
    }

    private @Nullable String fromAncestors(ChangeEntry entry) {
        if (entry.folderId() == null) {
            return null;
        }
        this.ancestorCalls.incrementAndGet();
        List<Ancestor> levels;
        try {
            levels = this.feed.ancestors(entry.folderId(), entry.guid());
        }
        catch (RuntimeException ex) {
            this.failures.incrementAndGet();
            logger.debug("No path for {} in cloud folder {}: {}", entry.guid(), entry.folderId(), ex.getMessage());
            return null;
        }
        if (levels.isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < levels.size(); i++) {
            Ancestor level = levels.get(i);
            if (i > 0) {
                path.append('/');
            }
            path.append(level.name());
            boolean folderLevel = i < levels.size() - 1 || entry.folder();
            if (folderLevel && level.guid() != null && !entry.deleted()) {
                this.folderPaths.put(level.guid(), path.toString());
            }
        }
        return path.toString();
    }
}
