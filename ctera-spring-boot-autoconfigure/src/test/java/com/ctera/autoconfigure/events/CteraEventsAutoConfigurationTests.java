package com.ctera.autoconfigure.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.autoconfigure.webhooks.CteraWebhooksAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.EventType;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** Portal changes reach {@code @EventListener}s typed, with paths and stable ids; bad settings stop startup. */
class CteraEventsAutoConfigurationTests {

    private static CteraPortalSimulator simulator;

    private static CteraPortal writer;

    @TempDir
    Path directory;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class, CteraStoreAutoConfiguration.class,
                CteraWebhooksAutoConfiguration.class, CteraEventsAutoConfiguration.class))
        .withBean(EventsTestSupport.RecordingListener.class);

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        writer = EventsTestSupport.writer(simulator);
    }

    @AfterAll
    static void stop() {
        writer.close();
        simulator.close();
    }

    @Test
    void createdModifiedDeletedReachListenersWithPaths() {
        this.runner.withPropertyValues(EventsTestSupport.portal(simulator, "main"))
            .withPropertyValues(EventsTestSupport.fastEvents())
            .withPropertyValues("ctera.store.path=" + this.directory.resolve("db"))
            .run(context -> {
                EventsTestSupport.RecordingListener listener = context.getBean(EventsTestSupport.RecordingListener.class);
                CteraEventPollers pollers = context.getBean(CteraEventPollers.class);
                EventsTestSupport.await(Duration.ofSeconds(10),
                        () -> pollers.poller("main").orElseThrow().status().cursor() != null, "the baseline");
                writer.files().mkdirs("My Files/lifecycle");
                EventsTestSupport.upload(writer, "My Files/lifecycle", "a.txt", "one");
                EventsTestSupport.upload(writer, "My Files/lifecycle", "a.txt", "two, longer");
                writer.files().delete("My Files/lifecycle/a.txt");
                EventsTestSupport.await(Duration.ofSeconds(15), () -> listener.changesNamed("a.txt").size() >= 3,
                        "three changes of a.txt");
                List<CteraChangeEvent> changes = listener.changesNamed("a.txt");
                assertThat(changes).extracting(CteraChangeEvent::type).containsExactly(EventType.FILE_CREATED,
                        EventType.FILE_MODIFIED, EventType.FILE_DELETED);
                assertThat(changes).allSatisfy(event -> {
                    assertThat(event.portal()).isEqualTo("main");
                    assertThat(event.path()).isEqualTo("My Files/lifecycle/a.txt");
                    assertThat(event.id()).matches("evt_[0-9a-f]{32}");
                });
                assertThat(changes).extracting(CteraChangeEvent::id).doesNotHaveDuplicates();
                assertThat(listener.changesNamed("lifecycle")).first()
                    .satisfies(folder -> assertThat(folder.type()).isEqualTo(EventType.FOLDER_CREATED));
                Map<String, Object> section = new CteraEventsEndpointContributor(pollers).describe("main");
                assertThat(section).containsEntry("holdsLease", true).containsKey("cursor");
            });
    }

    @Test
    void aPortalThatIsNotConfiguredStopsStartupNamingTheProperty() {
        this.runner.withPropertyValues(EventsTestSupport.portal(simulator, "main"))
            .withPropertyValues("ctera.events.enabled=true", "ctera.events.portals=nope",
                    "ctera.store.path=" + this.directory.resolve("db2"))
            .run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("ctera.events.portals").hasMessageContaining("nope"));
    }

    @Test
    void aLeaseShorterThanTwoLongPollsIsRefused() {
        this.runner.withPropertyValues(EventsTestSupport.portal(simulator, "main"))
            .withPropertyValues("ctera.events.enabled=true", "ctera.events.lease-time=5s",
                    "ctera.store.path=" + this.directory.resolve("db3"))
            .run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("ctera.events.lease-time"));
    }

    @Test
    void nothingIsCreatedWhenEventsAreOff() {
        this.runner.withPropertyValues(EventsTestSupport.portal(simulator, "main"))
            .run(context -> assertThat(context).doesNotHaveBean(CteraEventPollers.class)
                .doesNotHaveBean(com.ctera.client.webhooks.WebhookManager.class));
    }
}
