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
    record Finished(long id, String endpoint, long leaseUntil, Status status, long nextAttemptAt, int lastStatus,
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

    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    private final DataSource dataSource;

    private final Clock clock;

    private final EndpointStateRows states;

    // When claims last held stranded rows of disabled endpoints (System.nanoTime); shared by the workers, so racy
    // reads only cost an extra sweep.
    private volatile long lastSweep = System.nanoTime() - SWEEP_INTERVAL_NANOS;

    private volatile @Nullable Boolean h2;

    public WebhookOutbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.states = new EndpointStateRows(clock);
    }

    /** Adds a row per event and matching target, on the poller's transaction. */
    void enqueue(Connection connection, List<CteraChangeEvent> events, Collection<WebhookTarget> targets)
            throws SQLException {
        if (events.isEmpty() || targets.isEmpty()) {
            return;
        }
        Set<String> disabled = EndpointStateRows.disabled(connection);
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

    /**
     * Claims up to {@code limit} rows of these endpoints that are due, or whose lease lapsed, and leases them: an
     * in-flight row's {@code next_attempt_at} is its lease's end, so both kinds are a range of the index on
     * {@code (status, next_attempt_at)}. Rows of disabled endpoints are left alone.
     */
    List<Claimed> claim(Collection<String> endpoints, int limit, Duration lease) {
        if (endpoints.isEmpty() || limit < 1) {
            return List.of();
        }
        return JdbcTransaction.run(this.dataSource, "claim webhook deliveries", connection -> {
            List<String> names = new ArrayList<>(endpoints);
            Set<String> disabled = EndpointStateRows.disabled(connection);
            holdStrandedRows(connection, disabled);
            names.removeAll(disabled);
            if (names.size() > IN_LIST) {
                names = names.subList(0, IN_LIST);
            }
            if (names.isEmpty()) {
                return List.of();
            }
            long now = this.clock.millis();
            long leaseUntil = now + lease.toMillis();
            List<Claimed> claimed = new ArrayList<>();
            // Lapsed leases first, so a backlog of due rows cannot starve the rows of a crashed worker.
            select(connection, Status.IN_FLIGHT, names, now, limit, leaseUntil, claimed);
            select(connection, Status.PENDING, names, now, limit - claimed.size(), leaseUntil, claimed);
            try (PreparedStatement update = connection.prepareStatement("UPDATE ctera_webhook_delivery SET "
                    + "status = 'IN_FLIGHT', attempts = attempts + 1, lease_until = ?, next_attempt_at = ? "
                    + "WHERE id = ?")) {
                for (Claimed row : claimed) {
                    update.setLong(1, leaseUntil);
                    update.setLong(2, leaseUntil);
                    update.setLong(3, row.id());
                    update.addBatch();
                }
                if (!claimed.isEmpty()) {
                    update.executeBatch();
                }
            }
            return claimed;
        });
    }

    private void select(Connection connection, Status status, List<String> endpoints, long now, int limit,
            long leaseUntil, List<Claimed> into) throws SQLException {
        if (limit < 1) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement(claimQuery(connection, endpoints.size(), limit))) {
            select.setString(1, status.name());
            select.setLong(2, now);
            // An in-flight row written before next_attempt_at held the lease's end: the lease itself decides.
            select.setLong(3, (status == Status.IN_FLIGHT) ? now : Long.MAX_VALUE);
            for (int i = 0; i < endpoints.size(); i++) {
                select.setString(i + 4, endpoints.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    into.add(new Claimed(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getInt(6) + 1, rows.getLong(7), leaseUntil));
                }
            }
        }
    }

    /**
     * The claim query of this database. PostgreSQL takes {@code ORDER BY} from the index and locks only the rows it
     * returns. H2 locks every row it reads before it sorts, so an {@code ORDER BY} there locked (and read) the whole
     * backlog on each claim; it reads the index range in its own order instead, which stops at {@code limit}.
     */
    private String claimQuery(Connection connection, int endpoints, int limit) throws SQLException {
        boolean h2 = isH2(connection);
        String marks = String.join(",", Collections.nCopies(endpoints, "?"));
        return "SELECT id, webhook_id, endpoint, event_type, payload, attempts, created_at FROM ctera_webhook_delivery"
                + (h2 ? " USE INDEX (ctera_webhook_delivery_due)" : "") + " WHERE status = ? AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?) AND endpoint IN (" + marks + ")"
                + (h2 ? "" : " ORDER BY next_attempt_at") + " FETCH FIRST " + limit
                + " ROWS ONLY FOR UPDATE SKIP LOCKED";
    }

    private boolean isH2(Connection connection) throws SQLException {
        Boolean h2 = this.h2;
        if (h2 == null) {
            h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
            this.h2 = h2;
        }
        return h2;
    }

    /**
     * Stores the outcome of attempted rows and the last error of their endpoints, in one transaction. A row whose
     * lease lapsed and was claimed again belongs to its new claimer, so its outcome here is dropped; a row due again
     * whose endpoint was disabled meanwhile is held with the endpoint's other rows.
     */
    void record(List<Finished> finished, Map<String, @Nullable String> lastErrors) {
        if (finished.isEmpty() && lastErrors.isEmpty()) {
            return;
        }
        JdbcTransaction.run(this.dataSource, "record webhook outcomes", connection -> {
            long now = this.clock.millis();
            Set<String> disabled = EndpointStateRows.disabled(connection);
            try (PreparedStatement update = connection.prepareStatement("UPDATE ctera_webhook_delivery SET status = ?, "
                    + "next_attempt_at = ?, lease_until = NULL, last_status = ?, last_error = ?, finished_at = ? "
                    + "WHERE id = ? AND status = 'IN_FLIGHT' AND lease_until = ?")) {
                for (Finished row : finished) {
                    Status status = (row.status() == Status.PENDING && disabled.contains(row.endpoint()))
                            ? Status.DISABLED : row.status();
                    update.setString(1, status.name());
                    update.setLong(2, row.nextAttemptAt());
                    update.setInt(3, row.lastStatus());
                    update.setString(4, truncate(row.lastError()));
                    if (status == Status.PENDING || status == Status.DISABLED) {
                        update.setNull(5, Types.BIGINT);
                    }
                    else {
                        update.setLong(5, now);
                    }
                    update.setLong(6, row.id());
                    update.setLong(7, row.leaseUntil());
                    update.addBatch();
                }
                if (!finished.isEmpty()) {
                    update.executeBatch();
                }
            }
            for (Map.Entry<String, @Nullable String> error : lastErrors.entrySet()) {
                // Only the last error: whether the endpoint is disabled is disable's and enable's to change.
                this.states.update(connection, error.getKey(), "last_error = ?", "TRUE", error.getValue());
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
            // One conditional update decides: when workers see 410 at once, each waits for the row's lock and then
            // finds it disabled, so one of them, not all, announces the disabling.
            boolean switched = this.states.update(connection, endpoint,
                    "disabled = TRUE, disabled_reason = ?, last_error = ?", "disabled = FALSE", reason, reason);
            hold(connection, endpoint);
            return switched;
        });
    }

    private static void hold(Connection connection, String endpoint) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ctera_webhook_delivery SET status = "
                + "'DISABLED', lease_until = NULL WHERE endpoint = ? AND status = 'PENDING'")) {
            update.setString(1, endpoint);
            update.executeUpdate();
        }
    }

    // A row the poller writes while its endpoint is being disabled can miss disable's update: neither transaction
    // sees the other's write, so the row stays PENDING, and claims skip disabled endpoints: it would wait for ever.
    // A sweep, at most once a second and only while an endpoint is disabled, holds such rows with the others.
    private void holdStrandedRows(Connection connection, Set<String> disabled) throws SQLException {
        long now = System.nanoTime();
        if (disabled.isEmpty() || now - this.lastSweep < SWEEP_INTERVAL_NANOS) {
            return;
        }
        this.lastSweep = now;
        for (String endpoint : disabled) {
            hold(connection, endpoint);
        }
    }

    /** Enables an endpoint again; its disabled rows become due now. */
    public int enable(String endpoint) {
        return JdbcTransaction.run(this.dataSource, "enable webhook endpoint " + endpoint, connection -> {
            this.states.update(connection, endpoint, "disabled = FALSE, disabled_reason = ?, last_error = ?", "TRUE",
                    null, null);
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

    /** The stored state of an endpoint (enabled, no error, when nothing is stored). */
    public EndpointState state(String endpoint) {
        EndpointState state = JdbcTransaction.run(this.dataSource, "read webhook endpoint state",
                connection -> EndpointStateRows.read(connection, endpoint));
        return (state != null) ? state : new EndpointState(false, null, null);
    }

    /**
     * Deletes up to {@code limit} rows that ended with this status before the given time.
     * @return how many were deleted
     */
    int purge(Status status, long finishedBefore, int limit) {
        return JdbcTransaction.run(this.dataSource, "delete old webhook deliveries", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ctera_webhook_delivery WHERE id IN "
                    + "(SELECT id FROM ctera_webhook_delivery WHERE status = ? AND finished_at < ? FETCH FIRST " + limit
                    + " ROWS ONLY)")) {
                delete.setString(1, status.name());
                delete.setLong(2, finishedBefore);
                return delete.executeUpdate();
            }
        });
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

    static @Nullable String truncate(@Nullable String text) {
        return (text == null || text.length() <= 500) ? text : text.substring(0, 500);
    }
}
