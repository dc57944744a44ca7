package com.ctera.client.users;

import java.time.Clock;
import java.time.LocalDate;

import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.XmlObject;

/** Converts between {@code PortalUser} objects on the wire and the client's user types. */
final class UserMapper {

    private final Clock clock;

    UserMapper(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws MalformedXmlException when the object has no name or a non-numeric uid
     */
    static PortalUser toUser(XmlObject object) {
        return new PortalUser(object.requireText("name"), object.text("email"), object.text("firstName"),
                object.text("lastName"), object.text("role"), object.text("company"), object.text("comment"),
                object.wholeNumber("uid"), object.text("displayName"), object.text("domain"),
                object.text("requirePasswordChangeOn"));
    }

    /** The {@code PortalUser} object of an {@code add} call, attributes in the SDK's order. */
    XmlObject toWire(NewUser user) {
        XmlObject.Builder wire = XmlObject.builder("PortalUser")
                .put("name", user.name())
                .put("email", user.email())
                .put("firstName", user.firstName())
                .put("lastName", user.lastName())
                .put("password", user.password())
                .put("role", user.role().wireValue())
                .put("company", user.company())
                .put("comment", user.comment());
        if (user.requirePasswordChange()) {
            // The SDK asks for a change by dating it yesterday, so it is due at the first login.
            wire.put("requirePasswordChangeOn", LocalDate.now(this.clock).minusDays(1).toString());
        }
        return wire.build();
    }
}
