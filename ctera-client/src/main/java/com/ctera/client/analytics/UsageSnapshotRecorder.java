package com.ctera.client.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraPortal;
import com.ctera.client.statistics.CloudFolderUsage;

/** Takes one snapshot of every cloud folder the portal's session sees and keeps it in a store. */
public final class UsageSnapshotRecorder {

    private static final long GIB = 1L << 30;

    private final CteraPortal portal;

    private final UsageSnapshotStore store;

    private final Clock clock;

    public UsageSnapshotRecorder(CteraPortal portal, UsageSnapshotStore store, Clock clock) {
        this.portal = portal;
        this.store = store;
        this.clock = clock;
    }

    /** Reads the folders' usage now, stores it and answers what was stored. */
    public List<UsageSnapshot> record() {
        Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS);
        List<UsageSnapshot> snapshots = new ArrayList<>();
        for (CloudFolderUsage folder : this.portal.statistics().cloudFolders()) {
            OwnerReference owner = OwnerReference.parse(folder.owner());
            snapshots.add(new UsageSnapshot(this.portal.name(), now, owner.tenant(), folder.name(), owner.user(),
                    (folder.sizeBytes() != null) ? folder.sizeBytes() : 0L, quotaBytes(folder.quota()),
                    folder.totalFiles()));
        }
        this.store.save(snapshots);
        return snapshots;
    }

    // folderQuota is written in GiB (protocol §5.5).
    private static @Nullable Long quotaBytes(@Nullable String gib) {
        if (gib == null || gib.isBlank()) {
            return null;
        }
        try {
            return Math.round(Double.parseDouble(gib.trim()) * GIB);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /** A user reference {@code objs/<uid>/<tenant>/PortalUser/<name>}, or a plain name. */
    record OwnerReference(String tenant, @Nullable String user) {

        static OwnerReference parse(@Nullable String reference) {
            if (reference == null || reference.isBlank()) {
                return new OwnerReference("", null);
            }
            String[] parts = reference.split("/");
            if (parts.length >= 5 && parts[0].equals("objs")) {
                return new OwnerReference(parts[2], parts[parts.length - 1]);
            }
            return new OwnerReference("", reference);
        }
    }
}
