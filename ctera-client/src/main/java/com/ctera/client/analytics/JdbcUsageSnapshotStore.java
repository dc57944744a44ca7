package com.ctera.client.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Snapshots in a relational database (H2 or PostgreSQL), table {@code ctera_usage_snapshot}; the schema is created
 * by {@link #createSchema()} from {@code com/ctera/client/analytics/usage-snapshots.sql}. A snapshot already stored
 * (same portal, time, tenant, folder and owner) is skipped, so a save may be repeated.
 */
public final class JdbcUsageSnapshotStore implements UsageSnapshotStore {

    static final String SCHEMA_RESOURCE = "usage-snapshots.sql";

    private static final String INSERT = "INSERT INTO ctera_usage_snapshot (portal, taken_at, tenant, cloud_folder, "
            + "owner_name, used_bytes, quota_bytes, file_count) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
            + "(SELECT 1 FROM ctera_usage_snapshot WHERE portal = ? AND taken_at = ? AND tenant = ? AND cloud_folder = ? "
            + "AND owner_name = ?)";

    private static final String SELECT = "SELECT portal, taken_at, tenant, cloud_folder, owner_name, used_bytes, "
            + "quota_bytes, file_count FROM ctera_usage_snapshot WHERE portal = ? AND taken_at >= ? AND taken_at < ? "
            + "ORDER BY taken_at, tenant, cloud_folder, owner_name";

    // A supplier, so that a database opened on first use (the starter's embedded store) stays closed until a
    // snapshot is saved or read.
    private final Supplier<DataSource> dataSource;

    /** A store in {@code dataSource}; {@link #createSchema()} creates its table when it may be missing. */
    public JdbcUsageSnapshotStore(DataSource dataSource) {
        this(() -> dataSource);
    }

    /** A store in the database {@code dataSource} gives on first use, its table already in place. */
    public JdbcUsageSnapshotStore(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the table when it does not exist. */
    public void createSchema() {
        String script;
        try (InputStream in = JdbcUsageSnapshotStore.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Schema resource " + SCHEMA_RESOURCE + " is missing");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try (Connection connection = this.dataSource.get().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create the usage snapshot table: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void save(Collection<UsageSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        try (Connection connection = this.dataSource.get().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (UsageSnapshot snapshot : snapshots) {
                    OffsetDateTime time = snapshot.time().atOffset(ZoneOffset.UTC);
                    insert.setString(1, snapshot.portal());
                    insert.setObject(2, time);
                    insert.setString(3, snapshot.tenant());
                    insert.setString(4, snapshot.cloudFolder());
                    insert.setString(5, owner(snapshot));
                    insert.setLong(6, snapshot.usedBytes());
                    setLong(insert, 7, snapshot.quotaBytes());
                    setLong(insert, 8, snapshot.files());
                    insert.setString(9, snapshot.portal());
                    insert.setObject(10, time);
                    insert.setString(11, snapshot.tenant());
                    insert.setString(12, snapshot.cloudFolder());
                    insert.setString(13, owner(snapshot));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
            catch (SQLException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not save " + snapshots.size() + " usage snapshots: "
                    + ex.getMessage(), ex);
        }
    }

    @Override
    public Stream<UsageSnapshot> find(String portal, Instant from, Instant to) {
        List<UsageSnapshot> found = new ArrayList<>();
        try (Connection connection = this.dataSource.get().getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, portal);
            select.setObject(2, from.atOffset(ZoneOffset.UTC));
            select.setObject(3, to.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new UsageSnapshot(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getString(3), rows.getString(4), emptyToNull(rows.getString(5)), rows.getLong(6),
                            getLong(rows, 7), getLong(rows, 8)));
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not read usage snapshots of portal " + portal + ": "
                    + ex.getMessage(), ex);
        }
        return found.stream();
    }

    private static String owner(UsageSnapshot snapshot) {
        return (snapshot.owner() != null) ? snapshot.owner() : "";
    }

    private static @Nullable String emptyToNull(String owner) {
        return owner.isEmpty() ? null : owner;
    }

    private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        }
        else {
            statement.setLong(index, value);
        }
    }

    private static @Nullable Long getLong(ResultSet rows, int index) throws SQLException {
        long value = rows.getLong(index);
        return rows.wasNull() ? null : value;
    }
}
