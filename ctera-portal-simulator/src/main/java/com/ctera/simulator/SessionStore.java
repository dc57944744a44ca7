package com.ctera.simulator;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/** Live sessions by JSESSIONID and issued bearer tokens. Thread-safe. */
final class SessionStore {

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Session> bearers = new ConcurrentHashMap<>();

    /** Opens a session and returns its id. */
    String open(Session session) {
        String id = randomId(16).toUpperCase(java.util.Locale.ROOT);
        this.sessions.put(id, session);
        return id;
    }

    @Nullable Session session(String id) {
        return this.sessions.get(id);
    }

    void invalidate(String id) {
        this.sessions.remove(id);
    }

    void invalidateAll() {
        this.sessions.clear();
    }

    /** The live session ids and the issued bearer tokens. */
    Set<String> secrets() {
        Set<String> secrets = new HashSet<>(this.sessions.keySet());
        secrets.addAll(this.bearers.keySet());
        return secrets;
    }

    /** Issues a bearer token for the caller; bearer tokens survive session expiry. */
    String issueBearer(Session session) {
        String token = "sim-" + randomId(24);
        this.bearers.put(token, session);
        return token;
    }

    @Nullable Session bearer(String token) {
        return this.bearers.get(token);
    }

    private String randomId(int bytes) {
        byte[] raw = new byte[bytes];
        this.random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
