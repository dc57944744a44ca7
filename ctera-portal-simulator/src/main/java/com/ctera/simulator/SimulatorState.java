package com.ctera.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The simulator's portal: tenants, their users and devices, the global administrators, and a view of the cloud
 * drive, change feed and logs for tests. Thread-safe.
 */
public final class SimulatorState {

    /** Every user's storage quota unless changed with {@link #setQuota}: 100 GiB. */
    public static final long DEFAULT_QUOTA_BYTES = 100L << 30;

    /** The cloud folder every user gets. */
    public static final String PERSONAL_FOLDER = "My Files";

    private final String defaultTenant;
    private final ConcurrentHashMap<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, UserRecord> globalAdmins = new ConcurrentSkipListMap<>();
    private final AtomicLong uids = new AtomicLong(1000);
    private volatile @Nullable FileStore files;
    private volatile @Nullable LogStore logs;

    SimulatorState(String defaultTenant) {
        this.defaultTenant = defaultTenant;
    }

    /** Whether the tenant has a user of that name. */
    public boolean userExists(String tenant, String username) {
        Tenant found = this.tenants.get(tenant);
        return found != null && found.users().containsKey(username);
    }

    /** How many users the tenant has (0 for an unknown tenant). */
    public int userCount(String tenant) {
        Tenant found = this.tenants.get(tenant);
        return (found != null) ? found.users().size() : 0;
    }

    /** A user's attributes as strings ({@code name}, {@code uid}, {@code email}, {@code role}, ...), never the password. */
    public Optional<Map<String, String>> user(String tenant, String username) {
        Tenant found = this.tenants.get(tenant);
        UserRecord user = (found != null) ? found.users().get(username) : null;
        if (user == null) {
            return Optional.empty();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", user.name());
        attributes.put("uid", Long.toString(user.uid()));
        user.attributes().forEach((key, value) -> {
            if (value != null) {
                attributes.put(key, value);
            }
        });
        return Optional.of(Map.copyOf(attributes));
    }

    /**
     * Adds a user to an existing tenant.
     * @throws IllegalArgumentException for an unknown tenant or role
     * @throws IllegalStateException when the name is taken
     */
    public void addUser(String tenant, String username, String password, String role, String email) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (Role.parse(role).isEmpty()) {
            throw new IllegalArgumentException("Unknown role: " + role);
        }
        Tenant found = requireTenant(tenant);
        Map<String, @Nullable String> attributes = new LinkedHashMap<>();
        attributes.put("email", email);
        attributes.put("firstName", null);
        attributes.put("lastName", null);
        attributes.put("role", role);
        if (insertUser(found, username, password, attributes) == null) {
            throw new IllegalStateException("User already exists: " + tenant + "/" + username);
        }
    }

    /** How many devices the tenant has (0 for an unknown tenant). */
    public int deviceCount(String tenant) {
        Tenant found = this.tenants.get(tenant);
        return (found != null) ? found.devices().size() : 0;
    }

    String defaultTenant() {
        return this.defaultTenant;
    }

    @Nullable Tenant tenant(String name) {
        return this.tenants.get(name);
    }

    Collection<Tenant> tenants() {
        return this.tenants.values();
    }

    Tenant requireTenant(String name) {
        Tenant found = this.tenants.get(name);
        if (found == null) {
            throw new IllegalArgumentException("Unknown tenant: " + name);
        }
        return found;
    }

    /** Adds an empty tenant, for a global administrator to browse; nothing happens when it exists. */
    public void createTenant(String name) {
        addTenant(Objects.requireNonNull(name, "name"));
    }

    Tenant addTenant(String name) {
        return this.tenants.computeIfAbsent(name, key -> new Tenant(key, this.uids.incrementAndGet()));
    }

    long nextUid() {
        return this.uids.incrementAndGet();
    }

    /** Inserts a user unless the name is taken; returns the new user, or null when the name was taken. */
    @Nullable UserRecord insertUser(Tenant tenant, String username, @Nullable String password,
            Map<String, @Nullable String> attributes) {
        if (tenant.users().containsKey(username)) {
            return null;
        }
        UserRecord user = new UserRecord(nextUid(), username, tenant.name(), password, attributes);
        if (tenant.users().putIfAbsent(username, user) != null) {
            return null;
        }
        FileStore store = this.files;
        if (store != null) {
            store.createCloudFolder(user, PERSONAL_FOLDER, DEFAULT_QUOTA_BYTES, store.now());
        }
        return user;
    }

    /** Connects the cloud drive and logs once they exist (they need the tenants first). */
    void attach(FileStore fileStore, LogStore logStore) {
        this.files = fileStore;
        this.logs = logStore;
    }

    private FileStore files() {
        FileStore store = this.files;
        if (store == null) {
            throw new IllegalStateException("The cloud drive is not attached");
        }
        return store;
    }

    /**
     * The current bytes of a user's file, the path as the user sees it ({@code My Files/docs/a.txt}); empty when
     * there is no such file. Reads the whole body: meant for test-sized files.
     */
    public Optional<byte[]> fileBytes(String tenant, String username, String path) {
        Path blob = currentBlob(tenant, username, path);
        if (blob == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(blob));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the body of " + path, ex);
        }
    }

    /** The size of a user's file in bytes, or -1 when there is no such file. */
    public long fileSize(String tenant, String username, String path) {
        Resource resource = resolveForUser(tenant, username, path, false);
        return (resource != null && !resource.folder()) ? resource.size() : -1;
    }

    /** Whether a user's path exists (file or folder; {@code deleted} true looks among deleted items too). */
    public boolean exists(String tenant, String username, String path, boolean deleted) {
        Resource resource = resolveForUser(tenant, username, path, deleted);
        return resource != null && resource.deleted() == deleted;
    }

    /** How many versions a user's file has (0 when there is no such file). */
    public int versionCount(String tenant, String username, String path) {
        Resource resource = resolveForUser(tenant, username, path, false);
        FileNode node = (resource != null) ? resource.node() : null;
        return (node != null && !node.isFolder()) ? files().locked(() -> node.versions().size()) : 0;
    }

    /** The uid of a user's {@code My Files} cloud folder, or -1. */
    public long cloudFolderUid(String tenant, String username) {
        for (CloudFolder folder : files().folders(tenant, username)) {
            if (folder.name().equals(PERSONAL_FOLDER)) {
                return folder.uid();
            }
        }
        return -1;
    }

    /** Bytes a user stores (current versions of live files). */
    public long usage(String tenant, String username) {
        return files().usage(tenant, username);
    }

    /** Sets the storage quota of a user's cloud folders. */
    public void setQuota(String tenant, String username, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("quota must not be negative, was " + bytes);
        }
        List<CloudFolder> owned = files().folders(tenant, username);
        if (owned.isEmpty()) {
            throw new IllegalArgumentException("Unknown user: " + tenant + "/" + username);
        }
        owned.forEach(folder -> folder.quotaBytes(bytes));
    }

    /** How many entries the tenant's change feed holds. */
    public int changeFeedSize(String tenant) {
        return files().feed().size(tenant);
    }

    /** How many log records the portal holds (history included). */
    public int logCount() {
        LogStore store = this.logs;
        return (store != null) ? store.size() : 0;
    }

    /** Log records of a kind ({@code Login}, {@code LoginFailed}, {@code FileUpload}, ...), as field maps. */
    public List<Map<String, String>> logs(String logName) {
        LogStore store = this.logs;
        if (store == null) {
            return List.of();
        }
        List<Map<String, String>> result = new ArrayList<>();
        for (LogRecord record : store.matching(record -> record.logName().equals(logName))) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : List.of("time", "portal", "topic", "severity", "logName", "msg", "username",
                    "ipAddress", "action", "result", "more")) {
                String value = record.field(field);
                if (value != null) {
                    fields.put(field, value);
                }
            }
            result.add(Map.copyOf(fields));
        }
        return result;
    }

    private @Nullable Path currentBlob(String tenant, String username, String path) {
        Resource resource = resolveForUser(tenant, username, path, false);
        FileVersion body = (resource != null) ? files().locked(resource::body) : null;
        return (body != null) ? body.blob() : null;
    }

    private @Nullable Resource resolveForUser(String tenant, String username, String path, boolean deleted) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        Viewer viewer = new Viewer(PortalContext.SERVICES_PORTAL, tenant, username, username);
        return files().resolve(viewer, segments, deleted);
    }

    void addGlobalAdmin(String username, String password) {
        Map<String, @Nullable String> attributes = new LinkedHashMap<>();
        attributes.put("email", username + "@portal.local");
        attributes.put("firstName", "Global");
        attributes.put("lastName", "Administrator");
        attributes.put("role", Role.ReadWriteAdmin.name());
        this.globalAdmins.put(username, new UserRecord(nextUid(), username, "", password, attributes));
    }

    @Nullable UserRecord globalAdmin(String username) {
        return this.globalAdmins.get(username);
    }

    void addDevice(String tenant, String name, String deviceType, String version, String owner, boolean connected,
            String updateTime) {
        requireTenant(tenant).devices().put(name,
                new DeviceRecord(nextUid(), name, tenant, deviceType, version, owner, connected, updateTime));
    }

    /** The user whose password matches, or null (constant-time comparison so timing does not leak it). */
    static @Nullable UserRecord checkPassword(@Nullable UserRecord user, String password) {
        if (user == null || user.password() == null) {
            return null;
        }
        boolean same = MessageDigest.isEqual(user.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        return same ? user : null;
    }
}
