package com.ctera.client.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.ctera.client.webhooks.WebhookOutbox.EndpointState;

/**
 * The {@code ctera_webhook_endpoint} table, on the caller's connection and transaction: whether each endpoint is
 * disabled, why, and its last error. A row is created, enabled, the first time an endpoint's state is written.
 */
final class EndpointStateRows {

    // SQLSTATE of a unique or primary key violation, the same in PostgreSQL and H2.
    private static final String UNIQUE_VIOLATION = "23505";

    private final Clock clock;

    EndpointStateRows(Clock clock) {
        this.clock = clock;
    }

    /** The names of the disabled endpoints. */
    static Set<String> disabled(Connection connection) throws SQLException {
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

    /** The endpoint's stored state; {@code null} when none was ever written. */
    static @Nullable EndpointState read(Connection connection, String endpoint) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT disabled, disabled_reason, last_error FROM ctera_webhook_endpoint WHERE endpoint = ?")) {
            select.setString(1, endpoint);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new EndpointState(row.getBoolean(1), row.getString(2), row.getString(3)) : null;
            }
        }
    }

    /**
     * Sets columns of an endpoint's row, creating the row first when it is missing.
     * @param assignments the {@code SET} list, its {@code ?} bound in order to {@code values}
     * @param condition what the row must also satisfy to be updated
     * @return whether the row was updated
     */
    boolean update(Connection connection, String endpoint, String assignments, String condition,
            @Nullable String... values) throws SQLException {
        // The row exists on every write but an endpoint's first: one statement on the delivery path, a second
        // look only when nothing was updated (no row yet, or the condition does not hold).
        if (updateRow(connection, endpoint, assignments, condition, values)) {
            return true;
        }
        if (read(connection, endpoint) != null) {
            return false;
        }
        insert(connection, endpoint);
        return updateRow(connection, endpoint, assignments, condition, values);
    }

    private boolean updateRow(Connection connection, String endpoint, String assignments, String condition,
            @Nullable String... values) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ctera_webhook_endpoint SET " + assignments
                + ", updated_at = ? WHERE endpoint = ? AND " + condition)) {
            int index = 1;
            for (String value : values) {
                update.setString(index++, WebhookOutbox.truncate(value));
            }
            update.setLong(index++, this.clock.millis());
            update.setString(index, endpoint);
            return update.executeUpdate() == 1;
        }
    }

    // Two workers may create the row at once. The loser's unique violation is undone to a savepoint (PostgreSQL
    // would otherwise abort its whole transaction, outcomes included) and it goes on with the winner's row.
    private void insert(Connection connection, String endpoint) throws SQLException {
        Savepoint beforeInsert = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ctera_webhook_endpoint (endpoint, disabled, updated_at) VALUES (?, FALSE, ?)")) {
            insert.setString(1, endpoint);
            insert.setLong(2, this.clock.millis());
            insert.executeUpdate();
        }
        catch (SQLException ex) {
            if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                throw ex;
            }
            connection.rollback(beforeInsert);
            return;
        }
        connection.releaseSavepoint(beforeInsert);
    }
}
