package com.ctera.client.analytics;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The JDBC snapshot store on H2 and, when {@code CTERA_TEST_POSTGRES_URL} is set, on PostgreSQL. */
class JdbcUsageSnapshotStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void storesAndFindsSnapshotsOnH2() {
        checkStore(new DriverDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }

    @Test
    void storesAndFindsSnapshotsOnPostgres() throws SQLException {
        String url = System.getenv("CTERA_TEST_POSTGRES_URL");
        assumeTrue(url != null && !url.isBlank(), "PostgreSQL not configured: set CTERA_TEST_POSTGRES_URL "
                + "(eval \"$(.ci/postgres start)\")");
        DriverDataSource dataSource = new DriverDataSource(url);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS ctera_usage_snapshot");
        }
        checkStore(dataSource);
    }

    @Test
    void theInMemoryStoreKeepsTheSameContract() {
        checkContract(new InMemoryUsageSnapshotStore());
    }

    private static void checkStore(DataSource dataSource) {
        JdbcUsageSnapshotStore store = new JdbcUsageSnapshotStore(dataSource);
        store.createSchema();
        store.createSchema();
        checkContract(store);
    }

    private static void checkContract(UsageSnapshotStore store) {
        UsageSnapshot first = new UsageSnapshot("main", T0, "acme", "My Files", "alice", 1_000, 10L << 30, 3L);
        UsageSnapshot second = new UsageSnapshot("main", T0.plusSeconds(3600), "acme", "My Files", "alice", 2_000,
                null, null);
        UsageSnapshot sameNameOtherOwner = new UsageSnapshot("main", T0, "acme", "My Files", "bob", 7, null, null);
        UsageSnapshot otherPortal = new UsageSnapshot("other", T0, "acme", "My Files", "alice", 5, null, null);
        store.save(List.of(second, first, otherPortal, sameNameOtherOwner));
        store.save(List.of(first));
        assertThat(store.find("main", T0, T0.plusSeconds(7200)).toList()).containsExactly(first,
                sameNameOtherOwner, second);
        assertThat(store.find("main", T0.plusSeconds(1), T0.plusSeconds(7200)).toList()).containsExactly(second);
        assertThat(store.find("main", T0, T0.plusSeconds(3600)).toList()).containsExactly(first,
                sameNameOtherOwner);
        assertThat(store.find("other", T0, T0.plusSeconds(7200)).toList()).containsExactly(otherPortal);
    }

    /** A DataSource over DriverManager: enough for a test, no pool. */
    private record DriverDataSource(String url) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(this.url);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(this.url, username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
