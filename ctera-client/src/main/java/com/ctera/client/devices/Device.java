package com.ctera.client.devices;

import org.jspecify.annotations.Nullable;

/**
 * A device registered with the portal: an edge filer (gateway) or an agent. Attributes not included in the query,
 * or sent as null, are {@code null}.
 * @param name the device name, unique within its tenant
 * @param tenant the tenant the device belongs to (from its {@code portal} reference)
 * @param deviceType the type as sent, such as {@code vGateway} or {@code Workstation Agent}
 * @param version the firmware or agent version
 * @param remoteAccessUrl the URL that reaches the device through the portal
 * @param connected whether the device is connected now ({@code deviceConnectionStatus.connected})
 * @param owner the owning user's name (from its {@code owner} reference), or null
 * @param uid the portal's numeric id
 */
public record Device(String name, @Nullable String tenant, @Nullable String deviceType, @Nullable String version,
        @Nullable String remoteAccessUrl, @Nullable Boolean connected, @Nullable String owner, @Nullable Long uid) {
}
