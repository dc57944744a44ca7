package com.ctera.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stored portal user. {@code attributes} holds every scalar field but {@code name}, {@code uid} and
 * {@code password}, in a stable order; values may be null. The password is kept out of {@link #toString()}.
 */
record UserRecord(long uid, String name, String tenant, @Nullable String password,
        Map<String, @Nullable String> attributes) {

    /** The fields every user has, written even when null. */
    static final List<String> STANDARD_FIELDS = List.of("email", "firstName", "lastName", "role", "company", "comment",
            "requirePasswordChangeOn");

    /** Fields the server owns: a client cannot set them through add or modify. */
    static final List<String> SERVER_FIELDS = List.of("name", "uid", "password", "baseObjectRef", "domain");

    UserRecord {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    @Nullable String attribute(String field) {
        return switch (field) {
            case "name" -> this.name;
            case "uid" -> Long.toString(this.uid);
            case "password" -> null;
            default -> this.attributes.get(field);
        };
    }

    String role() {
        String role = this.attributes.get("role");
        return (role != null) ? role : Role.EndUser.name();
    }

    UserRecord withAttributes(Map<String, @Nullable String> newAttributes, @Nullable String newPassword) {
        return new UserRecord(this.uid, this.name, this.tenant, newPassword, newAttributes);
    }

    @Override
    public String toString() {
        return "UserRecord[" + this.uid + " " + this.tenant + "/" + this.name + "]";
    }
}
