package com.ctera.client.analytics;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One cloud folder's storage use at one moment.
 * @param portal the configured portal's name (several portals may share a store)
 * @param time when it was taken
 * @param tenant the tenant the folder belongs to
 * @param cloudFolder the folder's name
 * @param owner the owner's user name, when known
 * @param usedBytes bytes stored
 * @param quotaBytes the folder's quota in bytes, when known
 * @param files files stored, when known
 */
public record UsageSnapshot(String portal, Instant time, String tenant, String cloudFolder, @Nullable String owner,
        long usedBytes, @Nullable Long quotaBytes, @Nullable Long files) {

    public UsageSnapshot {
        Objects.requireNonNull(portal, "portal");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(cloudFolder, "cloudFolder");
        if (usedBytes < 0) {
            throw new IllegalArgumentException("usedBytes must not be negative, was " + usedBytes);
        }
    }
}
