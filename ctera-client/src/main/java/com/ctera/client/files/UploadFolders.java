package com.ctera.client.files;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The upload folders one client stated lately, by path, so that a series of uploads into one folder stats it once
 * instead of once per file. Small and short-lived: it keeps at most {@link #CAPACITY} folders, each for
 * {@link #TIME_TO_LIVE}, and holds only folders found writable inside a cloud folder. Thread-safe.
 */
final class UploadFolders {

    /** How many folders are kept; the least recently used goes first. */
    static final int CAPACITY = 64;

    /** How long a stat is trusted. */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

    private final LongSupplier nanoTime;

    private final Map<PortalPath, Stated> folders = new LinkedHashMap<>(16, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<PortalPath, Stated> eldest) {
            return size() > CAPACITY;
        }
    };

    UploadFolders(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The folder's stat, while it is fresh. */
    synchronized @Nullable FileInfo get(PortalPath path) {
        Stated stated = this.folders.get(path);
        if (stated == null) {
            return null;
        }
        if (this.nanoTime.getAsLong() - stated.statedAt() >= TIME_TO_LIVE.toNanos()) {
            this.folders.remove(path);
            return null;
        }
        return stated.folder();
    }

    /** Keeps a stat that an upload may trust; anything else (a file, read-only, outside a cloud folder) is not kept. */
    synchronized void put(PortalPath path, FileInfo folder) {
        if (folder.folder() && folder.writable() && folder.cloudFolder() != null && folder.cloudFolder().uid() >= 0) {
            this.folders.put(path, new Stated(folder, this.nanoTime.getAsLong()));
        }
    }

    /** Forgets one folder, after an upload into it went wrong. */
    synchronized void forget(PortalPath path) {
        this.folders.remove(path);
    }

    /** Forgets every folder, when this client deletes, moves or renames items. */
    synchronized void clear() {
        this.folders.clear();
    }

    private record Stated(FileInfo folder, long statedAt) {
    }
}
