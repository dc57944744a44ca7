package com.ctera.simulator;

import com.ctera.simulator.xml.XmlObj;

/** Renders stored users and devices as the portal's XML objects. */
final class PortalObjects {

    private PortalObjects() {
    }

    /** A user's base object reference, {@code objs/{uid}/{tenant}/PortalUser/{name}}. */
    static String userRef(UserRecord user) {
        return "objs/" + user.uid() + "/" + user.tenant() + "/PortalUser/" + user.name();
    }

    /** The whole {@code PortalUser}; the password is always null. */
    static XmlObj user(UserRecord user) {
        XmlObj obj = XmlObj.ofClass("PortalUser");
        obj.put("name", user.name());
        obj.put("uid", Long.toString(user.uid()));
        for (String field : UserRecord.STANDARD_FIELDS) {
            obj.put(field, user.attributes().get(field));
        }
        user.attributes().forEach((field, value) -> {
            if (!obj.has(field)) {
                obj.put(field, value);
            }
        });
        obj.put("password", (String) null);
        obj.put("domain", (String) null);
        obj.put("baseObjectRef", userRef(user));
        return obj;
    }

    /** The whole {@code Device}. */
    static XmlObj device(DeviceRecord device, Tenant tenant, String origin) {
        XmlObj status = XmlObj.plain()
            .put("connected", Boolean.toString(device.connected()))
            .put("updateTime", device.updateTime());
        return XmlObj.ofClass("Device")
            .put("name", device.name())
            .put("uid", Long.toString(device.uid()))
            .put("portal", device.portalRef(tenant.uid()))
            .put("deviceType", device.deviceType())
            .put("version", device.version())
            .put("remoteAccessUrl", origin + "/ServicesPortal/devicecmdnew/" + device.tenant() + "/" + device.name() + "/")
            .put("owner", device.ownerRef(tenant.ownerUid(device.owner())))
            .put("deviceConnectionStatus", status);
    }
}
