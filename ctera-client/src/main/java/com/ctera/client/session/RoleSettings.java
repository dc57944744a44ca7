package com.ctera.client.session;

import java.util.Map;

/**
 * What an administrator's role allows, as the portal's {@code rolesSettings} object says (protocol §2.1), such as
 * {@code canAccessEndUserFolders} or {@code canManageUsers}.
 * @param name the role's name, such as {@code ReadWriteAdmin}
 * @param permissions every boolean setting of the role by its portal name
 */
public record RoleSettings(String name, Map<String, Boolean> permissions) {

    public RoleSettings {
        permissions = Map.copyOf(permissions);
    }

    /** Whether the role grants {@code permission}; an unknown permission is not granted. */
    public boolean allows(String permission) {
        return Boolean.TRUE.equals(this.permissions.get(permission));
    }

    /** Whether the role may open end users' folders ({@code Users/...}, {@code backups/...}). */
    public boolean canAccessEndUserFolders() {
        return allows("canAccessEndUserFolders");
    }
}
