package com.ctera.simulator;

import java.util.Arrays;
import java.util.Optional;

/** The portal's user roles, spelled as on the wire ({@code ComplianceOffer} is the portal's own spelling). */
enum Role {
    Disabled, EndUser, ReadWriteAdmin, ReadOnlyAdmin, ComplianceOffer, Support;

    static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(role -> role.name().equals(text)).findFirst();
    }
}
