package com.ctera.client.session;

import org.jspecify.annotations.Nullable;

/**
 * Who the client is logged in as, read by the bootstrap calls after login.
 * @param username the session's user
 * @param role the portal role, such as {@code ReadWriteAdmin} or {@code EndUser}
 * @param tenant the tenant the session works in, or {@code null} in global administration
 * @param portalVersion the portal's version string, such as {@code 7.5.182.16}
 */
public record SessionInfo(String username, String role, @Nullable String tenant, String portalVersion) {
}
