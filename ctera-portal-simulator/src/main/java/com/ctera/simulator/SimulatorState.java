package com.ctera.simulator;

import java.nio.charset.StandardCharsets;
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

/** The simulator's in-memory portal: tenants, their users and devices, and the global administrators. Thread-safe. */
public final class SimulatorState {

    private final String defaultTenant;
    private final ConcurrentHashMap<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, UserRecord> globalAdmins = new ConcurrentSkipListMap<>();
    private final AtomicLong uids = new AtomicLong(1000);

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
        return (tenant.users().putIfAbsent(username, user) == null) ? user : null;
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
