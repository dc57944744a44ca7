package com.ctera.autoconfigure.webhooks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.events.CteraEventsAutoConfiguration;
import com.ctera.autoconfigure.events.EventsTestSupport;
import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.test.CteraPortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivered and dead rows leave the store once past {@code ctera.webhooks.keep-delivered} and {@code keep-dead};
 * younger ones, and rows still waiting, stay. A bad keeping time stops startup with the property's name.
 */
@CteraPortalTest
class WebhookRetentionTests {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final CteraPortalSimulator simulator;

    @TempDir
    Path directory;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class, CteraStoreAutoConfiguration.class,
                CteraWebhooksAutoConfiguration.class, CteraEventsAutoConfiguration.class))
        .withPropertyValues(EventsTestSupport.fastEvents());

    WebhookRetentionTests(CteraPortalSimulator simulator) {
        this.simulator = simulator;
    }

    @Test
    void rowsPastTheirKeepingTimeAreDeletedAndTheOthersStay() throws Exception {
        String store = "ctera.store.path=" + this.directory.resolve("store");
        // Rows as earlier runs left them, written before the dispatcher starts: its first purge comes at start.
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CteraStoreAutoConfiguration.class))
            .withPropertyValues(store)
            .run(context -> {
            DataSource dataSource = context.getBean(CteraStore.class).dataSource();
            long now = System.currentTimeMillis();
            insert(dataSource, "delivered-old", "DELIVERED", now - 8 * DAY);
            insert(dataSource, "delivered-recent", "DELIVERED", now - DAY);
            insert(dataSource, "dead-old", "DEAD", now - 31 * DAY);
            insert(dataSource, "dead-recent", "DEAD", now - 29 * DAY);
            insert(dataSource, "pending-old", "PENDING", null);
        });
        try (TestReceiver receiver = TestReceiver.healthy()) {
            this.runner.withPropertyValues(store)
                .withPropertyValues(EventsTestSupport.portal(this.simulator, "main"))
                .withPropertyValues("ctera.webhooks.allowed-hosts=127.0.0.1", "ctera.webhooks.allow-http=true",
                        "ctera.webhooks.idle-poll=20ms", "ctera.webhooks.endpoints.audit.url=" + receiver.url(),
                        "ctera.webhooks.endpoints.audit.secret=" + TestReceiver.SECRET.reveal())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DataSource dataSource = context.getBean(CteraStore.class).dataSource();
                    EventsTestSupport.await(Duration.ofSeconds(30), () -> !ids(dataSource).contains("delivered-old")
                            && !ids(dataSource).contains("dead-old"), "the purge of the old rows");
                    assertThat(ids(dataSource)).containsExactlyInAnyOrder("delivered-recent", "dead-recent",
                            "pending-old");
                });
        }
    }

    @Test
    void aKeepingTimeOfZeroStopsStartupNamingTheProperty() {
        this.runner.withPropertyValues(EventsTestSupport.portal(this.simulator, "main"))
            .withPropertyValues("ctera.store.path=" + this.directory.resolve("bad"),
                "ctera.webhooks.endpoints.audit.url=https://hooks.example.com/ctera",
                "ctera.webhooks.endpoints.audit.secret=" + TestReceiver.SECRET.reveal(), "ctera.webhooks.keep-dead=0s")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("ctera.webhooks.keep-dead"));
    }

    // The endpoint of the waiting row is not configured, so no worker claims it.
    private static void insert(DataSource dataSource, String id, String status, Long finishedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO ctera_webhook_delivery (webhook_id, "
                        + "endpoint, event_type, payload, status, attempts, next_attempt_at, created_at, finished_at) "
                        + "VALUES (?, ?, 'file.created', '{}', ?, 1, 0, 0, ?)")) {
            insert.setString(1, id);
            insert.setString(2, status.equals("PENDING") ? "retired" : "audit");
            insert.setString(3, status);
            if (finishedAt == null) {
                insert.setNull(4, java.sql.Types.BIGINT);
            }
            else {
                insert.setLong(4, finishedAt);
            }
            insert.executeUpdate();
        }
    }

    private static List<String> ids(DataSource dataSource) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT webhook_id FROM ctera_webhook_delivery");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return ids;
    }
}
