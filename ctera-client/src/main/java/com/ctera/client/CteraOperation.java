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

    /** {@code GET /{ctx}/api/rolesSettings/{name}}: what an administrator's role allows. */
    public static final CteraOperation ROLES_SETTINGS = new CteraOperation("rolesSettings", true);

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

    /** Stat, list or search, {@code user-defined/fetchResources} (protocol §5.4.2). */
    public static final CteraOperation FILES_FETCH_RESOURCES = new CteraOperation("files.fetchResources", true);

    /** Create a folder, {@code user-defined/makeCollection}; repeating it only meets a name conflict. */
    public static final CteraOperation FILES_MAKE_COLLECTION = new CteraOperation("files.makeCollection", true);

    /** Multipart upload, {@code POST /{ctx}/upload/folders/{uid}}; a repeat would write a second version. */
    public static final CteraOperation FILES_UPLOAD = new CteraOperation("files.upload", false);

    /** A file's bytes, {@code GET /{ctx}/webdav/{path}}. */
    public static final CteraOperation FILES_DOWNLOAD = new CteraOperation("files.download", true);

    /** Several items as one zip, {@code POST /{ctx}/folders/folders/{uid}}. */
    public static final CteraOperation FILES_ZIP = new CteraOperation("files.zip", true);

    /** Start a delete task, {@code user-defined/deleteResources}. */
    public static final CteraOperation FILES_DELETE = new CteraOperation("files.delete", true);

    /** Start an undelete task, {@code user-defined/restoreResources}. */
    public static final CteraOperation FILES_RESTORE = new CteraOperation("files.restore", true);

    /** Start a copy task, {@code user-defined/copyResources}; a repeat copies again. */
    public static final CteraOperation FILES_COPY = new CteraOperation("files.copy", false);

    /** Start a move or rename task, {@code user-defined/moveResources}; a repeat fails or moves again. */
    public static final CteraOperation FILES_MOVE = new CteraOperation("files.move", false);

    /** A file's or folder's versions, {@code user-defined/listSnapshots} (protocol §5.4.8). */
    public static final CteraOperation FILES_LIST_SNAPSHOTS = new CteraOperation("files.listSnapshots", true);

    /** A background task's state, {@code getTaskStatus} or {@code GET servers/{s}/bgTasks/{id}} (protocol §5.9). */
    public static final CteraOperation TASKS_STATUS = new CteraOperation("tasks.status", true);

    /** Paged log query, {@code user-defined/queryLogs} (protocol §5.7). */
    public static final CteraOperation LOGS_QUERY = new CteraOperation("logs.query", true);

    /** Ask the portal to build a report, {@code user-defined/generateReport} (protocol §5.8). */
    public static final CteraOperation REPORTS_GENERATE = new CteraOperation("reports.generate", true);

    /** A stored report, {@code GET /{ctx}/api/reports/{name}}. */
    public static final CteraOperation REPORTS_GET = new CteraOperation("reports.get", true);

    /** Tenants' display info with their usage, {@code user-defined/getPortalsDisplayInfo} (protocol §5.5). */
    public static final CteraOperation STATISTICS_PORTALS = new CteraOperation("statistics.portals", true);

    /** Cloud folders with their statistics, {@code db/query} on {@code /cloudDrives} (protocol §5.5). */
    public static final CteraOperation STATISTICS_CLOUD_DRIVES = new CteraOperation("statistics.cloudDrives", true);

    /** A page of the change feed, {@code POST /{ctx}/v2/api/metadata/list} (protocol §5.6). */
    public static final CteraOperation NOTIFICATIONS_LIST = new CteraOperation("notifications.list", true);

    /** Wait for changes after a cursor, {@code POST /{ctx}/v2/api/metadata/longpoll}. */
    public static final CteraOperation NOTIFICATIONS_LONGPOLL = new CteraOperation("notifications.longpoll", true);

    /** The path of a changed item, {@code POST /{ctx}/v2/api/metadata/ancestors}. */
    public static final CteraOperation NOTIFICATIONS_ANCESTORS = new CteraOperation("notifications.ancestors",
            true);

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
