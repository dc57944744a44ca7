package com.ctera.client;

/**
 * A logical portal operation: the name reported in exceptions and metrics, and whether repeating it is harmless
 * (only idempotent operations are retried blindly).
 */
public record CteraOperation(String name, boolean idempotent) {

    /** Password login, {@code POST /{ctx}/api/login}. */
    public static final CteraOperation LOGIN = new CteraOperation("login", true);

    /** Logout, {@code POST /{ctx}/api/logout}. */
    public static final CteraOperation LOGOUT = new CteraOperation("logout", true);

    /** The calls that follow a login: current session, current portal, version, tenant browse. */
    public static final CteraOperation SESSION_BOOTSTRAP = new CteraOperation("session.bootstrap", true);

    /** {@code GET /{ctx}/api/currentSession}. */
    public static final CteraOperation CURRENT_SESSION = new CteraOperation("currentSession", true);

    /** {@code GET /{ctx}/api/currentPortal}. */
    public static final CteraOperation CURRENT_PORTAL = new CteraOperation("currentPortal", true);

    /** {@code PUT /{ctx}/api/currentPortal}: browse a tenant from global administration. */
    public static final CteraOperation CURRENT_PORTAL_SET = new CteraOperation("currentPortal.set", true);

    /** {@code GET /{ctx}/api/version}. */
    public static final CteraOperation VERSION = new CteraOperation("version", true);

    /** Paged user query, {@code db/query} on {@code /users}. */
    public static final CteraOperation USERS_QUERY = new CteraOperation("users.query", true);

    /** One user's chosen attributes, {@code db/get-multi} on {@code /users/{name}}. */
    public static final CteraOperation USERS_GET = new CteraOperation("users.get", true);

    /** One user's full object, {@code GET /users/{name}}. */
    public static final CteraOperation USERS_READ = new CteraOperation("users.read", true);

    /** Create a user, {@code db/add} on {@code /users}; repeating it could create twice or fail with a conflict. */
    public static final CteraOperation USERS_ADD = new CteraOperation("users.add", false);

    /** Replace a user's object, {@code PUT /users/{name}}. */
    public static final CteraOperation USERS_MODIFY = new CteraOperation("users.modify", true);

    /** Delete a user, {@code user-defined/delete} on {@code /users/{name}}. */
    public static final CteraOperation USERS_DELETE = new CteraOperation("users.delete", true);

    /** Paged device query, {@code db/query} on {@code /devices}. */
    public static final CteraOperation DEVICES_QUERY = new CteraOperation("devices.query", true);

    /** One device, {@code db/get-multi} on {@code /portals/{tenant}/devices/{name}}. */
    public static final CteraOperation DEVICES_GET = new CteraOperation("devices.get", true);

    public CteraOperation {
        if (name.isBlank()) {
            throw new IllegalArgumentException("operation name must not be blank");
        }
    }

    @Override
    public String toString() {
        return this.name;
    }
}
