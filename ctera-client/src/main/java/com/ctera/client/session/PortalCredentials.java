package com.ctera.client.session;

/** How the client authenticates: a user name and password (session cookie), or a bearer token. */
public sealed interface PortalCredentials {

    /** Password login; {@link #toString()} masks the password. */
    record Password(String username, String password) implements PortalCredentials {

        @Override
        public String toString() {
            return "Password[username=" + this.username + ", password=****]";
        }
    }

    /** A bearer token sent on every request, with no login or logout; {@link #toString()} masks it. */
    record Bearer(String token) implements PortalCredentials {

        @Override
        public String toString() {
            return "Bearer[****]";
        }
    }
}
