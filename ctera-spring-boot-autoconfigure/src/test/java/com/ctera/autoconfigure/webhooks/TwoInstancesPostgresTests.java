package com.ctera.autoconfigure.webhooks;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.events.CteraEventPollers;
import com.ctera.autoconfigure.events.CteraEventsAutoConfiguration;
import com.ctera.autoconfigure.events.EventsTestSupport;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.client.events.PollerStatus;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts on one PostgreSQL: one poller per portal at a time, every delivery made once, and the
 * other instance takes over when the lease holder stops.
 */
class TwoInstancesPostgresTests {

    private static CteraPortalSimulator simulator;

    private static CteraPortal writer;

    private static DataSource postgres;

    @BeforeAll
    static void start() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(EventsTestSupport.postgresUrl());
        postgres = dataSource;
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS ctera_event_cursor, ctera_event_item, ctera_event_publication, "
                    + "ctera_lock, ctera_webhook_delivery, ctera_webhook_endpoint");
        }
        simulator = CteraPortalSimulator.start();
        writer = EventsTestSupport.writer(simulator);
    }

    @AfterAll
    static void stop() {
        writer.close();
        simulator.close();
    }

    @Test
    void onePollerAtATimeNoRowDeliveredTwiceAndFailover() throws Exception {
        try (TestReceiver receiver = TestReceiver.healthy()) {
            ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                        CteraStoreAutoConfiguration.class, CteraWebhooksAutoConfiguration.class,
                        CteraEventsAutoConfiguration.class))
                .withBean(DataSource.class, () -> postgres)
                .withPropertyValues(EventsTestSupport.portal(simulator, "main"))
                .withPropertyValues(EventsTestSupport.fastEvents())
                .withPropertyValues("ctera.store.initialize-schema=always", "ctera.webhooks.allowed-hosts=127.0.0.1",
                        "ctera.webhooks.allow-http=true", "ctera.webhooks.idle-poll=20ms",
                        "ctera.webhooks.endpoints.audit.url=" + receiver.url(),
                        "ctera.webhooks.endpoints.audit.secret=" + TestReceiver.SECRET.reveal());
            runner.withPropertyValues("ctera.events.instance-id=first").run(first -> runner
                .withPropertyValues("ctera.events.instance-id=second").run(second -> {
                    EventsTestSupport.await(Duration.ofSeconds(60), () -> EventsTestSupport.batches(postgres) > 0,
                            "a baseline by one of them");
                    PollerStatus one = status(first);
                    PollerStatus two = status(second);
                    assertThat(one.holdsLease() ^ two.holdsLease()).as("exactly one holds the lease").isTrue();
                    assertThat(one.leaseHolder()).isEqualTo(two.leaseHolder()).isIn("first", "second");

                    for (int i = 0; i < 40; i++) {
                        writer.files().mkdir("My Files/pg-" + i);
                    }
                    EventsTestSupport.await(Duration.ofSeconds(60), () -> count("pg-") >= 40, "40 deliveries");

                    AssertableApplicationContext holder = one.holdsLease() ? first : second;
                    AssertableApplicationContext standby = one.holdsLease() ? second : first;
                    ((ConfigurableApplicationContext) holder.getSourceApplicationContext()).stop();
                    EventsTestSupport.await(Duration.ofSeconds(30), () -> status(standby).holdsLease(),
                            "the standby taking the lease over");
                    for (int i = 40; i < 60; i++) {
                        writer.files().mkdir("My Files/pg-" + i);
                    }
                    EventsTestSupport.await(Duration.ofSeconds(60), () -> count("pg-") >= 60, "60 deliveries");
                    Thread.sleep(500);
                    Set<String> names = new HashSet<>(receiver.accepted);
                    assertThat(names).hasSize(receiver.accepted.size());
                    assertThat(receiver.processedTwice).hasValue(0);
                    assertThat(receiver.attempts.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
                    assertThat(EventsTestSupport.count(postgres, "SELECT COUNT(*) FROM ctera_webhook_delivery "
                            + "WHERE status <> 'DELIVERED'")).isZero();
                }));
        }
    }

    private static long count(String prefix) {
        return EventsTestSupport.count(postgres, "SELECT COUNT(*) FROM ctera_webhook_delivery WHERE status = "
                + "'DELIVERED' AND payload LIKE '%\"name\":\"" + prefix + "%'");
    }

    private static PollerStatus status(AssertableApplicationContext context) {
        return context.getBean(CteraEventPollers.class).poller("main").orElseThrow().status();
    }

}
