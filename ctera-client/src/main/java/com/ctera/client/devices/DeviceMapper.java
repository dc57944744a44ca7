package com.ctera.client.devices;

import org.jspecify.annotations.Nullable;

import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.XmlObject;

/** Reads {@code Device} objects from the wire. */
final class DeviceMapper {

    private DeviceMapper() {
    }

    /**
     * @throws MalformedXmlException when the object has no name, or a number or flag is not one
     */
    static Device toDevice(XmlObject object) {
        XmlObject status = object.object("deviceConnectionStatus");
        return new Device(object.requireText("name"), lastSegment(object.text("portal")), object.text("deviceType"),
                object.text("version"), object.text("remoteAccessUrl"),
                (status != null) ? flag(status.text("connected")) : null, lastSegment(object.text("owner")),
                object.wholeNumber("uid"));
    }

    /** The name at the end of a base object reference such as {@code objs/50//TeamPortal/acme}. */
    static @Nullable String lastSegment(@Nullable String reference) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        int slash = reference.lastIndexOf('/');
        return (slash >= 0) ? reference.substring(slash + 1) : reference;
    }

    private static @Nullable Boolean flag(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new MalformedXmlException(
                    "expected true or false in attribute 'connected' of a device, found other text");
        };
    }
}
