package com.ctera.client.session;

import org.jspecify.annotations.Nullable;

/**
 * Who the client is logged in as, read by the bootstrap calls after login.
 * @param username the session's user
 * @param role the portal role, such as {@code ReadWriteAdmin} or {@code EndUser}
 * @param tenant the tenant the session works in, or {@code null} in global administration
 * @param portalVersion the portal's version string, such as {@code 7.5.182.16}
 * @param roleSettings what the role allows, for the administrator roles whose settings the SDK reads; else
 * {@code null}
 */
public record SessionInfo(String username, String role, @Nullable String tenant, String portalVersion,
        @Nullable RoleSettings roleSettings) {

    /** The same session working in {@code tenant} ({@code null}: global administration). */
    public SessionInfo inTenant(@Nullable String tenant) {
        return new SessionInfo(this.username, this.role, tenant, this.portalVersion, this.roleSettings);
    }
}
