package com.ctera.simulator;

import com.ctera.simulator.xml.XmlObj;
import org.jspecify.annotations.Nullable;

/** The {@code PortalRoleSettings} of the built-in administrator roles. */
final class RoleSettings {

    private static final String[] PERMISSIONS = { "allowRemoteWipe", "allowSSO", "allowSeedingExport",
            "allowSeedingImport", "canAccessEndUserFolders", "canChangePortalSettings", "canChangeRoles",
            "canChangeUserEmail", "canChangeUserPassword", "canManageAllFolders", "canManagePlans", "canManageUsers",
            "canManageLogSettings", "allowFoldersFilesPermanentDelete", "canManageLegalHolds",
            "canManageComplianceSetting" };

    private RoleSettings() {
    }

    /** The settings object for {@code readWriteAdminSettings} and its siblings, or null for another name. */
    static @Nullable XmlObj of(String name) {
        return switch (name) {
            case "readWriteAdminSettings" -> settings("ReadWriteAdmin", true, true);
            case "readOnlyAdminSettings" -> settings("ReadOnlyAdmin", false, true);
            case "supportAdminSettings" -> settings("Support", false, false);
            case "complianceOfficerSettings" -> settings("ComplianceOffer", false, false);
            default -> null;
        };
    }

    private static XmlObj settings(String role, boolean fullControl, boolean canAccessFolders) {
        XmlObj obj = XmlObj.ofClass("PortalRoleSettings").put("name", role).put("superUser", Boolean.toString(fullControl));
        for (String permission : PERMISSIONS) {
            boolean allowed = fullControl || (canAccessFolders && permission.equals("canAccessEndUserFolders"));
            obj.put(permission, Boolean.toString(allowed));
        }
        return obj;
    }
}
