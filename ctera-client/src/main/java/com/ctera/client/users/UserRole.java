package com.ctera.client.users;

import java.util.Optional;

/** A user's portal role, with the exact value the portal uses on the wire. */
public enum UserRole {

    /** Cannot log in. */
    DISABLED("Disabled"),

    /** A regular user. */
    END_USER("EndUser"),

    /** Tenant administrator with full rights. */
    READ_WRITE_ADMIN("ReadWriteAdmin"),

    /** Tenant administrator who can only look. */
    READ_ONLY_ADMIN("ReadOnlyAdmin"),

    /** Compliance officer; the portal spells it {@code ComplianceOffer}. */
    COMPLIANCE_OFFICER("ComplianceOffer"),

    /** Support administrator. */
    SUPPORT("Support");

    private final String wireValue;

    UserRole(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value the portal sends and expects, such as {@code ReadWriteAdmin}. */
    public String wireValue() {
        return this.wireValue;
    }

    /** The role for a wire value, or empty when the portal sent a role this client does not know. */
    public static Optional<UserRole> fromWireValue(String wireValue) {
        for (UserRole role : values()) {
            if (role.wireValue.equals(wireValue)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
