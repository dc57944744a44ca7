package com.ctera.autoconfigure.events;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import org.springframework.context.event.EventListener;

import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.CteraEvent;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/** A simulator's end user as a configured portal and as a writer of changes, and a listener that records events. */
public final class EventsTestSupport {

    private EventsTestSupport() {
    }

    /** Properties of a portal named {@code name}: the simulator's end user on the services portal. */
    public static String[] portal(CteraPortalSimulator simulator, String name) {
        SimulatorCredentials user = simulator.endUserCredentials();
        return new String[] { "ctera.portals." + name + ".url=" + simulator.baseUrl(),
                "ctera.portals." + name + ".context=services-portal",
                "ctera.portals." + name + ".username=" + user.username(),
                "ctera.portals." + name + ".password=" + user.password(),
                "ctera.portals." + name + ".timeouts.read=5s" };
    }

    /** Properties that make the pollers quick to react and to take over, for tests. */
    public static String[] fastEvents() {
        return new String[] { "ctera.events.enabled=true", "ctera.events.longpoll-timeout=500ms",
                "ctera.events.lease-time=2s", "ctera.events.lease-retry=100ms", "ctera.events.initial-backoff=50ms",
                "ctera.events.max-backoff=500ms" };
    }

    /** A client of the simulator's end user, to make changes with. */
    public static CteraPortal writer(CteraPortalSimulator simulator) {
        SimulatorCredentials user = simulator.endUserCredentials();
        return CteraPortal.builder().name("writer").baseUrl(simulator.baseUrl())
            .context(PortalContext.SERVICES_PORTAL).credentials(user.username(), user.password())
            .readTimeout(Duration.ofSeconds(10)).taskPollInterval(Duration.ofMillis(20)).build();
    }

    public static void upload(CteraPortal writer, String folder, String name, String content) {
        writer.files().upload(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), folder, name);
    }

    public static void await(Duration limit, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + limit + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", ex);
            }
        }
    }

    /** The PostgreSQL of CTERA_TEST_POSTGRES_URL (started by {@code .ci/postgres start}); fails saying how to start it. */
    public static String postgresUrl() {
        String url = System.getenv("CTERA_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("This test needs PostgreSQL: run `eval \"$(.ci/postgres start)\"` from the "
                    + "project root (it sets CTERA_TEST_POSTGRES_URL), then run the tests again");
        }
        return url;
    }

    /** The batches committed so far, over all portals (0 before the first baseline). */
    public static long batches(DataSource store) {
        return count(store, "SELECT COALESCE(SUM(batches), 0) FROM ctera_event_cursor");
    }

    /** The single number a query answers. */
    public static long count(DataSource store, String sql) {
        try (Connection connection = store.getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The starter's embedded H2 file database at {@code path}, opened directly. */
    public static DataSource h2(Path path) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + path.toAbsolutePath());
        dataSource.setUser("sa");
        return dataSource;
    }

    /** Records every CTERA event the context publishes. */
    public static final class RecordingListener {

        public final List<CteraEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CteraEvent event) {
            this.events.add(event);
        }

        public List<CteraChangeEvent> changes() {
            return this.events.stream().filter(CteraChangeEvent.class::isInstance).map(CteraChangeEvent.class::cast)
                .toList();
        }

        public List<CteraChangeEvent> changesNamed(String prefix) {
            return changes().stream().filter(event -> event.name().startsWith(prefix)).toList();
        }

        /** The distinct ids of the changes whose name starts with the prefix. */
        public Set<String> ids(String prefix) {
            return changesNamed(prefix).stream().map(CteraChangeEvent::id).collect(Collectors.toSet());
        }
    }
}
