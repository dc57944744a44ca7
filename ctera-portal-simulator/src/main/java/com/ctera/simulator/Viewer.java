package com.ctera.simulator;

import org.jspecify.annotations.Nullable;

/**
 * Whose view of the cloud drive a file call gets: in {@code ServicesPortal} a user sees their own cloud folders at
 * the root; in {@code admin} the root holds {@code Users/<Owner Display Name>/<folder>} for every user of the tenant.
 *
 * @param user the tenant user ({@code null} for global administration)
 */
record Viewer(PortalContext context, String tenant, @Nullable String user, String username) {

    static Viewer of(ApiCall call, String defaultTenant) {
        return of(call.caller(), defaultTenant);
    }

    static Viewer of(Session caller, String defaultTenant) {
        String tenant = caller.effectiveTenant(defaultTenant);
        boolean admin = caller.context() == PortalContext.ADMIN;
        return new Viewer(caller.context(), tenant, admin ? null : caller.username(), caller.username());
    }

    boolean sees(CloudFolder folder) {
        return folder.tenant().equals(this.tenant) && (this.user == null || this.user.equals(folder.owner()));
    }
}
