package com.ctera.client.statistics;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One tenant's usage, from its display info ({@code getPortalsDisplayInfo}, the SDK's only per-tenant usage source).
 * Sizes are bytes as the portal writes them; a value the portal did not send is {@code null}.
 * @param name the tenant's name
 * @param portalType the kind of portal, such as {@code Team}
 * @param usedStorage storage used ({@code usedStorageQuota})
 * @param totalStorage storage allowed ({@code totalStorageQuota})
 * @param usedArchiveStorage archive storage used
 * @param totalArchiveStorage archive storage allowed
 * @param users number of users
 * @param connectedDevices number of connected devices
 * @param attributes every text attribute of the display info, known or not
 */
public record TenantUsage(String name, @Nullable String portalType, @Nullable Long usedStorage,
        @Nullable Long totalStorage, @Nullable Long usedArchiveStorage, @Nullable Long totalArchiveStorage,
        @Nullable Long users, @Nullable Long connectedDevices, Map<String, String> attributes) {

    public TenantUsage {
        attributes = Map.copyOf(attributes);
    }
}
