package com.ctera.client.users;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A user to create (protocol §5.1 {@code add}). {@link #toString()} masks the password.
 * @param name user name
 * @param email e-mail address
 * @param firstName first name
 * @param lastName last name
 * @param password initial password
 * @param role role; {@link UserRole#END_USER} unless set
 * @param company company, or null
 * @param comment comment, or null
 * @param requirePasswordChange whether the user must choose a new password at first login
 */
public record NewUser(String name, String email, String firstName, String lastName, String password, UserRole role,
        @Nullable String company, @Nullable String comment, boolean requirePasswordChange) {

    public NewUser {
        requireText(name, "name");
        requireText(email, "email");
        requireText(firstName, "firstName");
        requireText(lastName, "lastName");
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        Objects.requireNonNull(role, "role");
    }

    /** Starts a new user with the given name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String toString() {
        return "NewUser[name=" + this.name + ", email=" + this.email + ", firstName=" + this.firstName
                + ", lastName=" + this.lastName + ", password=****, role=" + this.role + ", company=" + this.company
                + ", comment=" + this.comment + ", requirePasswordChange=" + this.requirePasswordChange + "]";
    }

    private static void requireText(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /** Collects the fields of a {@link NewUser}. */
    public static final class Builder {

        private final String name;

        private @Nullable String email;

        private @Nullable String firstName;

        private @Nullable String lastName;

        private @Nullable String password;

        private UserRole role = UserRole.END_USER;

        private @Nullable String company;

        private @Nullable String comment;

        private boolean requirePasswordChange;

        private Builder(String name) {
            this.name = name;
        }

        /** E-mail address (required). */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** First and last name (required). */
        public Builder fullName(String firstName, String lastName) {
            this.firstName = firstName;
            this.lastName = lastName;
            return this;
        }

        /** Initial password (required). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Role; default {@link UserRole#END_USER}. */
        public Builder role(UserRole role) {
            this.role = role;
            return this;
        }

        /** Company. */
        public Builder company(@Nullable String company) {
            this.company = company;
            return this;
        }

        /** Comment. */
        public Builder comment(@Nullable String comment) {
            this.comment = comment;
            return this;
        }

        /** Require a new password at first login (sent as a change date of yesterday). */
        public Builder requirePasswordChange(boolean requirePasswordChange) {
            this.requirePasswordChange = requirePasswordChange;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming a missing or blank field
         */
        public NewUser build() {
            if (this.password == null) {
                throw new IllegalArgumentException("password is required");
            }
            return new NewUser(this.name, nonNull(this.email, "email"), nonNull(this.firstName, "firstName"),
                    nonNull(this.lastName, "lastName"), this.password, this.role, this.company, this.comment,
                    this.requirePasswordChange);
        }

        private static String nonNull(@Nullable String value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is required");
            }
            return value;
        }
    }
}
