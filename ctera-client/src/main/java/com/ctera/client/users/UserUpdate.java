package com.ctera.client.users;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a user: only the fields set here are changed, every other attribute of the portal's object is sent back
 * as it was. {@link #toString()} masks a new password.
 */
public final class UserUpdate {

    private final Map<String, String> changes;

    private UserUpdate(Map<String, String> changes) {
        this.changes = Map.copyOf(changes);
    }

    /** Starts an empty set of changes. */
    public static Builder builder() {
        return new Builder();
    }

    /** The changed attributes by wire name. */
    Map<String, String> changes() {
        return this.changes;
    }

    /** The wire names of the attributes this update changes, such as {@code email} or {@code password}. */
    public Set<String> attributes() {
        return this.changes.keySet();
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return this.changes.isEmpty();
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(this.changes);
        shown.computeIfPresent("password", (key, value) -> "****");
        return "UserUpdate" + shown;
    }

    /** Collects changes. */
    public static final class Builder {

        private final Map<String, String> changes = new LinkedHashMap<>();

        private Builder() {
        }

        /** New e-mail address. */
        public Builder email(String email) {
            return set("email", email);
        }

        /** New first name. */
        public Builder firstName(String firstName) {
            return set("firstName", firstName);
        }

        /** New last name. */
        public Builder lastName(String lastName) {
            return set("lastName", lastName);
        }

        /** New role. */
        public Builder role(UserRole role) {
            return set("role", role.wireValue());
        }

        /** New company. */
        public Builder company(String company) {
            return set("company", company);
        }

        /** New comment. */
        public Builder comment(String comment) {
            return set("comment", comment);
        }

        /** New password. */
        public Builder password(String password) {
            return set("password", password);
        }

        private Builder set(String attribute, @Nullable String value) {
            if (value == null) {
                throw new IllegalArgumentException(attribute + " must not be null");
            }
            this.changes.put(attribute, value);
            return this;
        }

        /** The changes collected so far. */
        public UserUpdate build() {
            return new UserUpdate(this.changes);
        }
    }
}
