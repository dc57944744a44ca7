package com.ctera.simulator;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: a logged-in user in one context, reached through a JSESSIONID cookie or a bearer token. A global
 * administrator may browse a tenant; every other caller works in its own tenant.
 */
final class Session {

    private final String username;
    private final String role;
    private final PortalContext context;
    private final @Nullable String homeTenant;
    private final String webToken = UUID.randomUUID().toString();
    private volatile @Nullable String browsedTenant;

    Session(String username, String role, PortalContext context, @Nullable String homeTenant) {
        this.username = username;
        this.role = role;
        this.context = context;
        this.homeTenant = homeTenant;
    }

    /** The value of the {@code X-CTERA-TOKEN} header handed out with {@code currentSession}. */
    String webToken() {
        return this.webToken;
    }

    String username() {
        return this.username;
    }

    String role() {
        return this.role;
    }

    PortalContext context() {
        return this.context;
    }

    /** The tenant the caller is in: its own, or the one a global admin browses ({@code null} when none). */
    @Nullable String currentTenant() {
        return (this.context == PortalContext.ADMIN) ? this.browsedTenant : this.homeTenant;
    }

    /** The tenant that tenant-scoped calls act on; global administration falls back to the default tenant. */
    String effectiveTenant(String defaultTenant) {
        String current = currentTenant();
        return (current != null) ? current : defaultTenant;
    }

    void browse(@Nullable String tenant) {
        this.browsedTenant = tenant;
    }

    boolean mayChangeUsers() {
        return Role.ReadWriteAdmin.name().equals(this.role);
    }

    @Override
    public String toString() {
        return "Session[" + this.username + " " + this.context.path() + "]";
    }
}
