package com.ctera.client.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.JdbcTransaction;

/**
 * The durable outbox ({@code ctera_webhook_delivery}): one row per (event, target), written in the poller's batch
 * transaction with its body frozen; claimed by workers of any instance with {@code FOR UPDATE SKIP LOCKED} and leased
 * while in flight (a lapsed lease makes the row claimable again, which covers a crashed instance).
 */
public final class WebhookOutbox {

    /** Row states. */
    public enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /** Claimed by a worker, leased. */
        IN_FLIGHT,
        /** The receiver took it. */
        DELIVERED,
        /** Every attempt failed; can be replayed. */
        DEAD,
        /** Its endpoint is disabled; sent when the endpoint is enabled again. */
        DISABLED
    }

    /** A claimed row. */
    record Claimed(long id, String webhookId, String endpoint, String eventType, String payload, int attempt,
            long createdAt, long leaseUntil) {
    }

    /** The new state of an attempted row. */
    record Finished(long id, long leaseUntil, Status status, long nextAttemptAt, int lastStatus,
            @Nullable String lastError) {
    }

    /**
     * The stored state of an endpoint.
     * @param disabled whether deliveries to it stopped
     * @param reason why, when disabled
     * @param lastError the last failure
     */
    public record EndpointState(boolean disabled, @Nullable String reason, @Nullable String lastError) {
    }

    private static final int IN_LIST = 200;

    private final DataSource dataSource;

    private final Clock clock;

    public WebhookOutbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Adds a row per event and matching target, on the poller's transaction. */
    void enqueue(Connection connection, List<CteraChangeEvent> events, Collection<WebhookTarget> targets)
            throws SQLException {
        if (events.isEmpty() || targets.isEmpty()) {
            return;
        }
        Set<String> disabled = disabled(connection);
        long now = this.clock.millis();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ctera_webhook_delivery (webhook_id, "
                + "endpoint, event_type, payload, status, attempts, next_attempt_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?, 0, ?, ?)")) {
            int rows = 0;
            for (CteraChangeEvent event : events) {
                String body = null;
                for (WebhookTarget target : targets) {
                    if (!target.filter().matches(event)) {
                        continue;
                    }
                    body = (body != null) ? body : WebhookPayload.body(event);
                    insert.setString(1, event.id());
                    insert.setString(2, target.name());
                    insert.setString(3, event.type().wireName());
                    insert.setString(4, body);
                    insert.setString(5, (disabled.contains(target.name()) ? Status.DISABLED : Status.PENDING).name());
                    insert.setLong(6, now);
                    insert.setLong(7, now);
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
    }

    private static Set<String> disabled(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement select = connection
            .prepareStatement("SELECT endpoint FROM ctera_webhook_endpoint WHERE disabled = TRUE");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** Claims up to {@code limit} due rows of these endpoints (or rows whose lease lapsed), leasing them. */
    List<Claimed> claim(Collection<String> endpoints, int limit, Duration lease) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(endpoints);
        if (names.size() > IN_LIST) {
            names = names.subList(0, IN_LIST);
        }
        String marks = String.join(",", Collections.nCopies(names.size(), "?"));
        List<String> wanted = names;
        return JdbcTransaction.run(this.dataSource, "claim webhook deliveries", connection -> {
            long now = this.clock.millis();
            List<Claimed> claimed = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, webhook_id, endpoint, event_type, "
                    + "payload, attempts, created_at FROM ctera_webhook_delivery WHERE ((status = 'PENDING' AND "
                    + "next_attempt_at <= ?) OR (status = 'IN_FLIGHT' AND lease_until < ?)) AND endpoint IN (" + marks
                    + ") AND endpoint NOT IN (SELECT endpoint FROM ctera_webhook_endpoint WHERE disabled = TRUE)"
                    + " ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                select.setLong(1, now);
                select.setLong(2, now);
                for (int i = 0; i < wanted.size(); i++) {
                    select.setString(i + 3, wanted.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new Claimed(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getInt(6) + 1, rows.getLong(7),
                                now + lease.toMillis()));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE ctera_webhook_delivery SET "
                    + "status = 'IN_FLIGHT', attempts = attempts + 1, lease_until = ? WHERE id = ?")) {
                for (Claimed row : claimed) {
                    update.setLong(1, row.leaseUntil());
                    update.setLong(2, row.id());
                    update.addBatch();
                }
                if (!claimed.isEmpty()) {
                    update.executeBatch();
                }
            }
            return claimed;
        });
    }

    /**
     * Stores the outcome of attempted rows; a row whose lease lapsed and was claimed again belongs to its new
     * claimer, so its outcome here is dropped.
     */
    void record(List<Finished> finished) {
        if (finished.isEmpty()) {
            return;
        }
        JdbcTransaction.run(this.dataSource, "record webhook outcomes", connection -> {
            long now = this.clock.millis();
            try (PreparedStatement update = connection.prepareStatement("UPDATE ctera_webhook_delivery SET status = ?, "
                    + "next_attempt_at = ?, lease_until = NULL, last_status = ?, last_error = ?, finished_at = ? "
                    + "WHERE id = ? AND status = 'IN_FLIGHT' AND lease_until = ?")) {
                for (Finished row : finished) {
                    update.setString(1, row.status().name());
                    update.setLong(2, row.nextAttemptAt());
                    update.setInt(3, row.lastStatus());
                    update.setString(4, truncate(row.lastError()));
                    if (row.status() == Status.PENDING || row.status() == Status.DISABLED) {
                        update.setNull(5, Types.BIGINT);
                    }
                    else {
                        update.setLong(5, now);
                    }
                    update.setLong(6, row.id());
                    update.setLong(7, row.leaseUntil());
                    update.addBatch();
                }
                update.executeBatch();
            }
            // A worker that finished after another disabled the endpoint holds its rows too.
            try (PreparedStatement hold = connection.prepareStatement("UPDATE ctera_webhook_delivery SET status = "
                    + "'DISABLED' WHERE status = 'PENDING' AND endpoint IN (SELECT endpoint FROM "
                    + "ctera_webhook_endpoint WHERE disabled = TRUE)")) {
                hold.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Disables an endpoint: its waiting rows stop until {@link #enable}.
     * @return whether it was enabled before
     */
    boolean disable(String endpoint, String reason) {
        return JdbcTransaction.run(this.dataSource, "disable webhook endpoint " + endpoint, connection -> {
            EndpointState before = state(connection, endpoint);
            upsertState(connection, endpoint, true, reason, reason);
            try (PreparedStatement update = connection.prepareStatement("UPDATE ctera_webhook_delivery SET status = "
                    + "'DISABLED', lease_until = NULL WHERE endpoint = ? AND status = 'PENDING'")) {
                update.setString(1, endpoint);
                update.executeUpdate();
            }
            return before == null || !before.disabled();
        });
    }

    /** Enables an endpoint again; its disabled rows become due now. */
    public int enable(String endpoint) {
        return JdbcTransaction.run(this.dataSource, "enable webhook endpoint " + endpoint, connection -> {
            upsertState(connection, endpoint, false, null, null);
            return requeue(connection, endpoint, Status.DISABLED);
        });
    }

    /**
     * Makes an endpoint's dead rows due again, with their attempts reset.
     * @return how many
     */
    public int replayDead(String endpoint) {
        return JdbcTransaction.run(this.dataSource, "replay dead deliveries of " + endpoint,
                connection -> requeue(connection, endpoint, Status.DEAD));
    }

    private int requeue(Connection connection, String endpoint, Status from) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ctera_webhook_delivery SET status = "
                + "'PENDING', attempts = 0, next_attempt_at = ?, finished_at = NULL WHERE endpoint = ? AND status = ?")) {
            update.setLong(1, this.clock.millis());
            update.setString(2, endpoint);
            update.setString(3, from.name());
            return update.executeUpdate();
        }
    }

    /** Remembers an endpoint's last error (kept across restarts for Actuator). */
    void lastError(String endpoint, @Nullable String error) {
        JdbcTransaction.run(this.dataSource, "store webhook endpoint state", connection -> {
            EndpointState before = state(connection, endpoint);
            upsertState(connection, endpoint, before != null && before.disabled(),
                    (before != null) ? before.reason() : null, error);
            return null;
        });
    }

    /** The stored state of an endpoint (enabled, no error, when nothing is stored). */
    public EndpointState state(String endpoint) {
        EndpointState state = JdbcTransaction.run(this.dataSource, "read webhook endpoint state",
                connection -> state(connection, endpoint));
        return (state != null) ? state : new EndpointState(false, null, null);
    }

    private static @Nullable EndpointState state(Connection connection, String endpoint) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT disabled, disabled_reason, last_error FROM ctera_webhook_endpoint WHERE endpoint = ?")) {
            select.setString(1, endpoint);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new EndpointState(row.getBoolean(1), row.getString(2), row.getString(3)) : null;
            }
        }
    }

    private void upsertState(Connection connection, String endpoint, boolean disabled, @Nullable String reason,
            @Nullable String lastError) throws SQLException {
        long now = this.clock.millis();
        try (PreparedStatement update = connection.prepareStatement("UPDATE ctera_webhook_endpoint SET disabled = ?, "
                + "disabled_reason = ?, last_error = ?, updated_at = ? WHERE endpoint = ?")) {
            update.setBoolean(1, disabled);
            update.setString(2, truncate(reason));
            update.setString(3, truncate(lastError));
            update.setLong(4, now);
            update.setString(5, endpoint);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ctera_webhook_endpoint (endpoint, "
                + "disabled, disabled_reason, last_error, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, endpoint);
            insert.setBoolean(2, disabled);
            insert.setString(3, truncate(reason));
            insert.setString(4, truncate(lastError));
            insert.setLong(5, now);
            insert.executeUpdate();
        }
    }

    /** Row counts per endpoint and status. */
    public Map<String, Map<Status, Long>> counts() {
        return JdbcTransaction.run(this.dataSource, "count webhook deliveries", connection -> {
            Map<String, Map<Status, Long>> counts = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT endpoint, status, COUNT(*) FROM ctera_webhook_delivery GROUP BY endpoint, status");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getString(1), name -> new java.util.EnumMap<>(Status.class))
                        .put(Status.valueOf(rows.getString(2)), rows.getLong(3));
                }
            }
            return counts;
        });
    }

    private static @Nullable String truncate(@Nullable String text) {
        return (text == null || text.length() <= 500) ? text : text.substring(0, 500);
    }
}
