package com.ctera.simulator;

import org.jspecify.annotations.Nullable;

/** A device registered with a tenant: a gateway, an agent or a mobile client. */
record DeviceRecord(long uid, String name, String tenant, String deviceType, String version, String owner,
        boolean connected, String updateTime) {

    @Nullable String attribute(String field, long tenantUid, long ownerUid) {
        return switch (field) {
            case "name" -> this.name;
            case "uid" -> Long.toString(this.uid);
            case "deviceType" -> this.deviceType;
            case "version" -> this.version;
            case "owner" -> ownerRef(ownerUid);
            case "portal" -> portalRef(tenantUid);
            default -> null;
        };
    }

    String portalRef(long tenantUid) {
        return "objs/" + tenantUid + "//TeamPortal/" + this.tenant;
    }

    String ownerRef(long ownerUid) {
        return "objs/" + ownerUid + "/" + this.tenant + "/PortalUser/" + this.owner;
    }
}
