package com.ctera.autoconfigure.events;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.autoconfigure.webhooks.CteraWebhooksAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.client.events.CteraResyncRequiredEvent;
import com.ctera.client.events.EventType;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller outlives its portal: a simulator stopped and started again on the same port (a portal that lost its
 * feed) leads to a new login, a refused cursor, a {@link CteraResyncRequiredEvent} and then the new portal's changes.
 */
class PollerSurvivalTests {

    @TempDir
    Path directory;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class, CteraStoreAutoConfiguration.class,
                CteraWebhooksAutoConfiguration.class, CteraEventsAutoConfiguration.class))
        .withBean(EventsTestSupport.RecordingListener.class);

    @Test
    void aRestartedSimulatorIsFollowedAfterAResync() {
        CteraPortalSimulator first = CteraPortalSimulator.start();
        int port = first.port();
        try {
            this.runner.withPropertyValues(EventsTestSupport.portal(first, "main"))
                .withPropertyValues(EventsTestSupport.fastEvents())
                .withPropertyValues("ctera.store.path=" + this.directory.resolve("db"))
                .run(context -> {
                    EventsTestSupport.RecordingListener listener = context
                        .getBean(EventsTestSupport.RecordingListener.class);
                    CteraEventPollers pollers = context.getBean(CteraEventPollers.class);
                    EventsTestSupport.await(Duration.ofSeconds(30),
                            () -> pollers.poller("main").orElseThrow().status().cursor() != null, "the baseline");
                    try (CteraPortal writer = EventsTestSupport.writer(first)) {
                        EventsTestSupport.upload(writer, "My Files", "before-restart.txt", "one");
                    }
                    EventsTestSupport.await(Duration.ofSeconds(10),
                            () -> !listener.changesNamed("before-restart").isEmpty(), "the change before the restart");
                    first.close();
                    try (CteraPortalSimulator second = CteraPortalSimulator.start(
                            SimulatorOptions.defaults().withPort(port));
                            CteraPortal writer = EventsTestSupport.writer(second)) {
                        EventsTestSupport.await(Duration.ofSeconds(15), () -> listener.events.stream()
                            .anyMatch(CteraResyncRequiredEvent.class::isInstance), "a resync after the restart");
                        EventsTestSupport.upload(writer, "My Files", "after-restart.txt", "two");
                        EventsTestSupport.await(Duration.ofSeconds(15),
                                () -> !listener.changesNamed("after-restart").isEmpty(),
                                "the change after the restart");
                        assertThat(listener.changesNamed("after-restart")).first()
                            .satisfies(event -> assertThat(event.type()).isEqualTo(EventType.FILE_CREATED));
                        assertThat(pollers.poller("main").orElseThrow().resyncs()).isEqualTo(1);
                    }
                });
        }
        finally {
            first.close();
        }
    }
}
