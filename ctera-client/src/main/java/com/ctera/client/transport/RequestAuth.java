package com.ctera.client.transport;

import org.springframework.http.HttpHeaders;

/** How one request proves who it is: a session cookie, a bearer token, or nothing (login itself). */
public sealed interface RequestAuth {

    /** The name of the portal's session cookie. */
    String SESSION_COOKIE = "JSESSIONID";

    /** Adds the credential to the outgoing headers. */
    void applyTo(HttpHeaders headers);

    /** Adds the credential to the outgoing headers of a request sent on Reactor Netty directly. */
    void applyTo(io.netty.handler.codec.http.HttpHeaders headers);

    /** No credential: used for the login call. */
    static RequestAuth anonymous() {
        return Anonymous.INSTANCE;
    }

    /** The {@code JSESSIONID} cookie of a logged-in session. */
    static RequestAuth sessionCookie(String value) {
        return new SessionCookie(value);
    }

    /** {@code Authorization: Bearer <token>} on every request. */
    static RequestAuth bearer(String token) {
        return new BearerToken(token);
    }

    /** No credential. */
    enum Anonymous implements RequestAuth {

        /** The only instance. */
        INSTANCE;

        @Override
        public void applyTo(HttpHeaders headers) {
        }

        @Override
        public void applyTo(io.netty.handler.codec.http.HttpHeaders headers) {
        }
    }

    /** A session cookie; its value never appears in {@link #toString()}. */
    record SessionCookie(String value) implements RequestAuth {

        @Override
        public void applyTo(HttpHeaders headers) {
            headers.add(HttpHeaders.COOKIE, SESSION_COOKIE + "=" + this.value);
        }

        @Override
        public void applyTo(io.netty.handler.codec.http.HttpHeaders headers) {
            headers.add(HttpHeaders.COOKIE, SESSION_COOKIE + "=" + this.value);
        }

        @Override
        public String toString() {
            return "SessionCookie[****]";
        }
    }

    /** A bearer token; its value never appears in {@link #toString()}. */
    record BearerToken(String token) implements RequestAuth {

        @Override
        public void applyTo(HttpHeaders headers) {
            headers.setBearerAuth(this.token);
        }

        @Override
        public void applyTo(io.netty.handler.codec.http.HttpHeaders headers) {
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + this.token);
        }

        @Override
        public String toString() {
            return "BearerToken[****]";
        }
    }
}
