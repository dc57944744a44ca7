package com.ctera.client.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.client.files.CloudFolderInfo;
import com.ctera.client.files.FileInfo;

/**
 * The owner of each cloud folder, for owner filters. A feed entry names only its cloud folder's id; the login's
 * top-level listing tells each folder's owner ({@code cloudFolderInfo.ownerFriendlyName}), so it is read once and
 * again only when a folder of unknown owner shows up, at most once per batch (a folder the login cannot list costs
 * one call per batch, not one per change). Used by one poller thread.
 */
final class CloudFolderOwners {

    private static final Logger logger = LoggerFactory.getLogger(CloudFolderOwners.class);

    private final Supplier<Stream<FileInfo>> topLevel;

    private final Map<Long, String> owners = new HashMap<>();

    private boolean stale = true;

    /** @param topLevel the login's top-level listing (cloud folders carry their owner) */
    CloudFolderOwners(Supplier<Stream<FileInfo>> topLevel) {
        this.topLevel = topLevel;
    }

    /** The owner's display name, or null when the portal does not tell it. */
    @Nullable String owner(long cloudFolderId) {
        String known = this.owners.get(cloudFolderId);
        if (known == null && this.stale) {
            refresh();
            known = this.owners.get(cloudFolderId);
        }
        return known;
    }

    /** The next unknown folder reads the listing again (a new batch may bring new folders). */
    void expire() {
        this.stale = true;
    }

    private void refresh() {
        this.stale = false;
        try (Stream<FileInfo> items = this.topLevel.get()) {
            items.forEach(item -> {
                CloudFolderInfo folder = item.cloudFolder();
                if (folder != null && folder.ownerFriendlyName() != null) {
                    this.owners.put(folder.uid(), folder.ownerFriendlyName());
                }
            });
        }
        catch (RuntimeException ex) {
            logger.debug("Could not list the cloud folders' owners: {}", ex.getMessage());
        }
    }
}
