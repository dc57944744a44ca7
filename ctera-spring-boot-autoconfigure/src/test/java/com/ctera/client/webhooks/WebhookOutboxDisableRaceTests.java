package com.ctera.client.webhooks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.autoconfigure.events.EventsTestSupport;
import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several workers that see 410 Gone from one endpoint at the same moment disable it once: only one of them is told it
 * switched the endpoint off, so the disabled event is published once (CI once saw it twice, 12 ms apart).
 */
class WebhookOutboxDisableRaceTests {

    private static final int WORKERS = 8;

    private static final int ROUNDS = 25;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraStoreAutoConfiguration.class))
        .withPropertyValues("ctera.store.initialize-schema=always");

    @TempDir
    Path directory;

    @Test
    void concurrentDisablesOnH2SwitchTheEndpointOffOnce() {
        this.runner.withPropertyValues("ctera.store.path=" + this.directory.resolve("store"))
            .run(context -> checkOneSwitchPerRound(context.getBean(CteraStore.class).dataSource()));
    }

    @Test
    void concurrentDisablesOnPostgresSwitchTheEndpointOffOnce() throws Exception {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(EventsTestSupport.postgresUrl());
        // A schema of its own, so other PostgreSQL tests that drop the starter's tables do not meet this one.
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS disable_race CASCADE");
            statement.execute("CREATE SCHEMA disable_race");
        }
        postgres.setCurrentSchema("disable_race");
        this.runner.withBean(DataSource.class, () -> postgres)
            .run(context -> checkOneSwitchPerRound(context.getBean(CteraStore.class).dataSource()));
    }

    private static void checkOneSwitchPerRound(DataSource dataSource) throws Exception {
        WebhookOutbox outbox = new WebhookOutbox(dataSource, Clock.systemUTC());
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // Even rounds start with no stored state for the endpoint, odd ones with an enabled row.
                String endpoint = "gone-" + (round / 2);
                CyclicBarrier start = new CyclicBarrier(WORKERS);
                List<Future<Boolean>> switched = new ArrayList<>();
                for (int worker = 0; worker < WORKERS; worker++) {
                    switched.add(workers.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return outbox.disable(endpoint, "the endpoint answered 410 Gone");
                    }));
                }
                int switches = 0;
                for (Future<Boolean> result : switched) {
                    switches += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(switches).as("workers told they disabled %s in round %d", endpoint, round).isEqualTo(1);
                assertThat(outbox.state(endpoint).disabled()).isTrue();
                outbox.enable(endpoint);
            }
        }
        finally {
            workers.shutdownNow();
        }
    }
}
