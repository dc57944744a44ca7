package com.ctera.simulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The simulator's starting content. Always: the global administrator, the default tenant {@code acme} with a
 * tenant administrator and an end user. With seeding: 64 more {@code acme} users, a second tenant {@code globex}
 * and devices of every kind. Deterministic: the same data on every start.
 */
final class DemoData {

    static final String DEFAULT_TENANT = "acme";
    static final String ADMIN_USERNAME = "admin";
    static final SimulatorCredentials TENANT_ADMIN = new SimulatorCredentials("morgan.reed", "TenantAdm1n!");
    static final SimulatorCredentials END_USER = new SimulatorCredentials("alice", "EndUs3r!");
    /** The password of every seeded user other than the three above. */
    static final String SEEDED_PASSWORD = "Passw0rd!";
    static final int SEEDED_ACME_USERS = 64;

    private static final String[] FIRST_NAMES = { "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Mason",
            "Isabella", "Lucas", "Mia", "Logan", "Amelia", "James", "Harper", "Benjamin" };
    private static final String[] LAST_NAMES = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
            "Taylor", "Moore", "Jackson", "Martin" };

    private DemoData() {
    }

    static void load(SimulatorState state, String adminPassword, boolean seed) {
        state.addGlobalAdmin(ADMIN_USERNAME, adminPassword);
        Tenant acme = state.addTenant(DEFAULT_TENANT);
        addUser(state, acme, TENANT_ADMIN.username(), TENANT_ADMIN.password(), "Morgan", "Reed",
                Role.ReadWriteAdmin);
        addUser(state, acme, END_USER.username(), END_USER.password(), "Alice", "Wonderland", Role.EndUser);
        if (!seed) {
            return;
        }
        for (int i = 0; i < SEEDED_ACME_USERS; i++) {
            String first = FIRST_NAMES[i % FIRST_NAMES.length];
            String last = LAST_NAMES[(i % FIRST_NAMES.length + (i / FIRST_NAMES.length) * 5) % LAST_NAMES.length];
            String username = (first + "." + last).toLowerCase(Locale.ROOT);
            addUser(state, acme, username, SEEDED_PASSWORD, first, last, seededRole(i));
        }
        Tenant globex = state.addTenant("globex");
        addUser(state, globex, "hank.scorpio", SEEDED_PASSWORD, "Hank", "Scorpio", Role.ReadWriteAdmin);
        addUser(state, globex, "homer.simpson", SEEDED_PASSWORD, "Homer", "Simpson", Role.EndUser);
        addUser(state, globex, "frank.grimes", SEEDED_PASSWORD, "Frank", "Grimes", Role.EndUser);
        addUser(state, globex, "lenny.leonard", SEEDED_PASSWORD, "Lenny", "Leonard", Role.ReadOnlyAdmin);
        addUser(state, globex, "carl.carlson", SEEDED_PASSWORD, "Carl", "Carlson", Role.Disabled);

        state.addDevice("acme", "FSRV1", "vGateway", "7.8.3030.0", "morgan.reed", true, "2026-11-25T08:00:00");
        state.addDevice("acme", "HQ-C800", "C800", "7.6.1730.4", "morgan.reed", true, "2026-11-25T08:05:00");
        state.addDevice("acme", "BRANCH-C400", "C400", "7.6.1730.4", "liam.johnson", false, "2026-11-20T17:42:10");
        state.addDevice("acme", "LAB-C200", "C200", "7.5.182.16", "noah.brown", true, "2026-11-25T07:55:00");
        state.addDevice("acme", "PLUG-HOME", "CloudPlug", "6.0.685.1", "alice", false, "2026-10-02T11:15:00");
        state.addDevice("acme", "LAPTOP-ALICE", "Workstation Agent", "7.5.182.16", "alice", true,
                "2026-11-25T08:10:00");
        state.addDevice("acme", "SRV-SQL01", "Server Agent", "7.5.182.16", "ethan.garcia", true,
                "2026-11-25T08:01:00");
        state.addDevice("acme", "IPHONE-ALICE", "Mobile", "7.2.1.0", "alice", false, "2026-11-24T21:30:00");
        state.addDevice("globex", "GLOBEX-GW", "vGateway", "7.8.3030.0", "hank.scorpio", true, "2026-11-25T08:00:00");
        state.addDevice("globex", "HOMER-PC", "Workstation Agent", "7.5.182.16", "homer.simpson", false,
                "2026-11-19T16:00:00");
    }

    private static Role seededRole(int index) {
        return switch (index) {
            case 5, 23, 47 -> Role.ReadWriteAdmin;
            case 11, 38 -> Role.ReadOnlyAdmin;
            case 17 -> Role.Support;
            case 29 -> Role.ComplianceOffer;
            case 41, 59 -> Role.Disabled;
            default -> Role.EndUser;
        };
    }

    private static void addUser(SimulatorState state, Tenant tenant, String username, String password, String first,
            String last, Role role) {
        Map<String, @Nullable String> attributes = new LinkedHashMap<>();
        attributes.put("email", username + "@" + tenant.name() + ".example.com");
        attributes.put("firstName", first);
        attributes.put("lastName", last);
        attributes.put("role", role.name());
        attributes.put("company", tenant.name().substring(0, 1).toUpperCase(Locale.ROOT) + tenant.name().substring(1)
                + " Corp");
        attributes.put("comment", null);
        attributes.put("requirePasswordChangeOn", null);
        state.insertUser(tenant, username, password, attributes);
    }
}
