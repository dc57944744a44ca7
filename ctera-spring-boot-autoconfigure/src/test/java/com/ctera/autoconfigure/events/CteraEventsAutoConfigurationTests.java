package com.ctera.autoconfigure.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.resilience.CteraResilienceAutoConfiguration;
import com.ctera.autoconfigure.simulator.EmbeddedPortalSimulator;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.autoconfigure.webhooks.CteraWebhooksAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.CteraCircuitBreakerEvent;
import com.ctera.client.events.CteraResyncRequiredEvent;
import com.ctera.client.events.EventType;
import com.ctera.client.files.CloudFolderInfo;
import com.ctera.client.files.FileInfo;
import com.ctera.client.webhooks.WebhookOutbox;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;

import static org.assertj.core.api.Assertions.assertThat;

/** Portal changes reach {@code @EventListener}s typed, with paths and stable ids; bad settings stop startup. */
class CteraEventsAutoConfigurationTests {

    private static CteraPortalSimulator simulator;

    private static CteraPortal writer;

    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

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
    void theEmbeddedSimulatorsFeedStartsFreshAtEveryStart() {
        // Two starts on one store, each with its own embedded simulator: the second must not try the first's cursor.
        ApplicationContextRunner embedded = this.runner.withPropertyValues("ctera.simulator.enabled=true")
            .withPropertyValues(EventsTestSupport.fastEvents())
            .withPropertyValues("ctera.store.path=" + this.directory.resolve("db"));
        for (int start = 0; start < 2; start++) {
            String folder = "fresh-" + start;
            embedded.run(context -> {
                CteraEventPollers pollers = context.getBean(CteraEventPollers.class);
                EventsTestSupport.RecordingListener listener = context.getBean(EventsTestSupport.RecordingListener.class);
                EventsTestSupport.await(Duration.ofSeconds(10),
                        () -> pollers.poller("embedded").orElseThrow().status().cursor() != null, "the baseline");
                CteraPortalSimulator own = context.getBean(EmbeddedPortalSimulator.class).simulator();
                try (CteraPortal user = EventsTestSupport.writer(own)) {
                    user.files().mkdirs("My Files/" + folder);
                }
                // A change read after the baseline, or a resync if the poller tried a cursor this simulator refuses.
                EventsTestSupport.await(Duration.ofSeconds(15), () -> !listener.changesNamed(folder).isEmpty()
                        || listener.events.stream().anyMatch(CteraResyncRequiredEvent.class::isInstance),
                        "the new folder's change");
                assertThat(listener.events).noneMatch(CteraResyncRequiredEvent.class::isInstance);
                assertThat(pollers.poller("embedded").orElseThrow().status().resyncs()).isZero();
            });
        }
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
    void ownerFiltersOfListenersAndEndpointsKeepOnlyTheirOwnersChanges() {
        String owner = writer.files().list("").map(FileInfo::cloudFolder).filter(Objects::nonNull)
            .map(CloudFolderInfo::ownerFriendlyName).filter(Objects::nonNull).findFirst().orElseThrow();
        String endpoints = "ctera.webhooks.endpoints.";
        this.runner.withPropertyValues(EventsTestSupport.portal(simulator, "main"))
            .withPropertyValues(EventsTestSupport.fastEvents())
            .withPropertyValues("ctera.store.path=" + this.directory.resolve("owners"),
                    "ctera.events.owners=" + owner.toUpperCase(Locale.ROOT),
                    endpoints + "mine.url=https://hooks.example.com/mine", endpoints + "mine.secret=" + SECRET,
                    endpoints + "mine.owners=" + owner, endpoints + "theirs.url=https://hooks.example.com/theirs",
                    endpoints + "theirs.secret=" + SECRET, endpoints + "theirs.owners=Somebody Else")
            .run(context -> {
                EventsTestSupport.RecordingListener listener = context.getBean(EventsTestSupport.RecordingListener.class);
                CteraEventPollers pollers = context.getBean(CteraEventPollers.class);
                EventsTestSupport.await(Duration.ofSeconds(30),
                        () -> pollers.poller("main").orElseThrow().status().cursor() != null, "the baseline");
                EventsTestSupport.upload(writer, "My Files", "owned.txt", "mine");
                EventsTestSupport.await(Duration.ofSeconds(15), () -> !listener.changesNamed("owned").isEmpty(),
                        "the owner's change");
                assertThat(listener.changesNamed("owned")).first()
                    .satisfies(event -> assertThat(event.owner()).isEqualTo(owner));
                Map<String, Map<WebhookOutbox.Status, Long>> rows = context.getBean(WebhookOutbox.class).counts();
                assertThat(rows.getOrDefault("mine", Map.of()).values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(1);
                assertThat(rows.getOrDefault("theirs", Map.of())).isEmpty();
            });
        this.runner.withPropertyValues(EventsTestSupport.portal(simulator, "main"))
            .withPropertyValues(EventsTestSupport.fastEvents())
            .withPropertyValues("ctera.store.path=" + this.directory.resolve("others"),
                    "ctera.events.owners=Somebody Else")
            .run(context -> {
                EventsTestSupport.RecordingListener listener = context.getBean(EventsTestSupport.RecordingListener.class);
                CteraEventPollers pollers = context.getBean(CteraEventPollers.class);
                EventsTestSupport.await(Duration.ofSeconds(30),
                        () -> pollers.poller("main").orElseThrow().status().cursor() != null, "the baseline");
                long before = pollers.poller("main").orElseThrow().status().batches();
                EventsTestSupport.upload(writer, "My Files", "not-followed.txt", "theirs");
                EventsTestSupport.await(Duration.ofSeconds(15),
                        () -> pollers.poller("main").orElseThrow().status().batches() > before, "the batch is read");
                assertThat(listener.changes()).isEmpty();
            });
    }

    @Test
    void theBreakerOpeningAndClosingAreEvents() {
        this.runner.withConfiguration(AutoConfigurations.of(CteraResilienceAutoConfiguration.class))
            .withPropertyValues(EventsTestSupport.portal(simulator, "main"))
            .withPropertyValues(EventsTestSupport.fastEvents())
            .withPropertyValues("ctera.store.path=" + this.directory.resolve("breaker"),
                    "ctera.defaults.retry.max-attempts=1", "ctera.defaults.circuit-breaker.minimum-number-of-calls=2",
                    "ctera.defaults.circuit-breaker.sliding-window-size=2",
                    "ctera.defaults.circuit-breaker.wait-duration-in-open-state=300ms",
                    "ctera.defaults.circuit-breaker.permitted-number-of-calls-in-half-open-state=1")
            .run(context -> {
                EventsTestSupport.RecordingListener listener = context.getBean(EventsTestSupport.RecordingListener.class);
                CteraEventPollers pollers = context.getBean(CteraEventPollers.class);
                EventsTestSupport.await(Duration.ofSeconds(30),
                        () -> pollers.poller("main").orElseThrow().status().cursor() != null, "the baseline");
                // The poller's own long polls fail twice: the breaker opens, a probe after the wait closes it.
                simulator.faults().inject(FaultRule.forOperation("notifications.longpoll").times(2).status(500));
                EventsTestSupport.await(Duration.ofSeconds(15), () -> breakerEvents(listener).size() >= 2,
                        "the breaker to open and close");
                assertThat(breakerEvents(listener)).extracting(CteraCircuitBreakerEvent::open)
                    .containsExactly(true, false);
                assertThat(breakerEvents(listener)).allSatisfy(event -> assertThat(event.portal()).isEqualTo("main"));
            });
    }

    private static List<CteraCircuitBreakerEvent> breakerEvents(EventsTestSupport.RecordingListener listener) {
        return listener.events.stream().filter(CteraCircuitBreakerEvent.class::isInstance)
            .map(CteraCircuitBreakerEvent.class::cast).toList();
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
