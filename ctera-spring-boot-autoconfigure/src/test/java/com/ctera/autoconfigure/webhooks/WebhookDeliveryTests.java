package com.ctera.autoconfigure.webhooks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.events.CteraEventsAutoConfiguration;
import com.ctera.autoconfigure.events.EventsTestSupport;
import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.CteraEvent;
import com.ctera.client.events.CteraWebhookEndpointDisabledEvent;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 portal changes to three receivers (healthy; 20% resets, 500s, 429s with Retry-After and answers slower than
 * the read timeout; one that answers 410 after 50) on a compressed retry schedule: every (event, endpoint) ends
 * delivered, disabled or dead as it should, none is lost, none is processed twice once the receiver deduplicates on
 * {@code webhook-id}, attempts stay bounded. Then the same with the application shut down half-way through the
 * deliveries and started again on the same database.
 */
class WebhookDeliveryTests {

    private static final int ATTEMPTS = 6;

    private static final int CHANGES = 1000;

    private static CteraPortalSimulator simulator;

    private static CteraPortal writer;

    @TempDir
    Path directory;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class, CteraStoreAutoConfiguration.class,
                CteraWebhooksAutoConfiguration.class, CteraEventsAutoConfiguration.class))
        .withPropertyValues(EventsTestSupport.portal(simulator(), "main"))
        .withPropertyValues(EventsTestSupport.fastEvents())
        .withPropertyValues("ctera.webhooks.allowed-hosts=127.0.0.1", "ctera.webhooks.allow-http=true",
                "ctera.webhooks.retry-schedule=50ms,100ms,200ms,300ms,400ms", "ctera.webhooks.read-timeout=1s",
                "ctera.webhooks.lease=10s", "ctera.webhooks.connect-timeout=200ms", "ctera.webhooks.idle-poll=20ms");

    private static CteraPortalSimulator simulator() {
        if (simulator == null) {
            simulator = CteraPortalSimulator.start();
        }
        return simulator;
    }

    @BeforeAll
    static void start() {
        writer = EventsTestSupport.writer(simulator());
    }

    @AfterAll
    static void stop() {
        writer.close();
        simulator.close();
        simulator = null;
    }

    static TestReceiver.Answer twentyPercentFaults(String id, int attempt, int number) {
        int roll = Math.floorMod((id + "#" + attempt).hashCode(), 100);
        if (roll >= 20) {
            return TestReceiver.Answer.OK;
        }
        return switch (roll % 4) {
            case 0 -> TestReceiver.Answer.RESET;
            case 1 -> TestReceiver.Answer.SERVER_ERROR;
            case 2 -> TestReceiver.Answer.TOO_MANY;
            default -> TestReceiver.Answer.SLOW;
        };
    }

    private String[] endpoints(TestReceiver healthy, TestReceiver faulty, TestReceiver gone) {
        return new String[] { "ctera.webhooks.endpoints.healthy.url=" + healthy.url(),
                "ctera.webhooks.endpoints.healthy.secret=" + TestReceiver.SECRET.reveal(),
                "ctera.webhooks.endpoints.faulty.url=" + faulty.url(),
                "ctera.webhooks.endpoints.faulty.secret=" + TestReceiver.SECRET.reveal(),
                "ctera.webhooks.endpoints.gone.url=" + gone.url(),
                "ctera.webhooks.endpoints.gone.secret=" + TestReceiver.SECRET.reveal(),
                "ctera.webhooks.endpoints.gone.events=folder.created" };
    }

    @Test
    void everyDeliveryEndsDeliveredDisabledOrDeadWithNothingLost() throws Exception {
        int changes = CHANGES;
        try (TestReceiver healthy = TestReceiver.healthy();
                TestReceiver faulty = new TestReceiver(WebhookDeliveryTests::twentyPercentFaults, Duration.ofMillis(1500));
                TestReceiver gone = new TestReceiver((id, attempt, number) -> (number <= 50) ? TestReceiver.Answer.OK
                        : TestReceiver.Answer.GONE, Duration.ZERO)) {
            this.runner.withPropertyValues(endpoints(healthy, faulty, gone))
                .withPropertyValues("ctera.store.path=" + this.directory.resolve("db"))
                .withBean(EventsTestSupport.RecordingListener.class)
                .run(context -> {
                    awaitBaseline(context);
                    // Delivered while they are written, as in an application.
                    Thread writing = new Thread(() -> write("run", changes));
                    writing.start();
                    EventsTestSupport.RecordingListener recorder = context.getBean(EventsTestSupport.RecordingListener.class);
                    DataSource store = context.getBean(CteraStore.class).dataSource();
                    try {
                        EventsTestSupport.await(Duration.ofSeconds(150), () -> recorder.ids("run-").size() == changes
                                && unfinished(store) == 0, "every event published and every delivery finished");
                    }
                    catch (AssertionError ex) {
                        throw new AssertionError(ex.getMessage() + "; published " + recorder.ids("run-").size()
                                + " of " + changes + ", rows by endpoint and status " + statusCounts(store), ex);
                    }
                    writing.join();
                    Set<String> ids = recorder.ids("run-");
                    assertEndsAsItShould(store, ids, healthy, faulty, gone);
                    assertThat(recorder.events).filteredOn(CteraWebhookEndpointDisabledEvent.class::isInstance)
                        .hasSize(1);
                });
        }
    }

    /** Issue 21's "shutdown during webhook delivery loses nothing", on the delivery test's full run. */
    @Test
    void shutdownDuringWebhookDeliveryLosesNothingAndTheCursorNeverGoesBack() throws Exception {
        int changes = CHANGES;
        try (TestReceiver healthy = TestReceiver.healthy();
                TestReceiver faulty = new TestReceiver(WebhookDeliveryTests::twentyPercentFaults, Duration.ofMillis(1500));
                TestReceiver gone = new TestReceiver((id, attempt, number) -> (number <= 50) ? TestReceiver.Answer.OK
                        : TestReceiver.Answer.GONE, Duration.ZERO)) {
            ApplicationContextRunner restartable = this.runner.withPropertyValues(endpoints(healthy, faulty, gone))
                .withPropertyValues("ctera.store.path=" + this.directory.resolve("restart"))
                .withBean(EventsTestSupport.RecordingListener.class);
            List<CteraEvent> seen = new CopyOnWriteArrayList<>();
            AtomicReference<EventsTestSupport.RecordingListener> firstListener = new AtomicReference<>();
            List<Long> batches = new CopyOnWriteArrayList<>();
            Thread writing = new Thread(() -> write("again", changes));
            restartable.run(context -> {
                awaitBaseline(context);
                EventsTestSupport.RecordingListener recorder = context.getBean(EventsTestSupport.RecordingListener.class);
                writing.start();
                EventsTestSupport.await(Duration.ofSeconds(120), () -> recorder.ids("again-").size() >= changes / 2,
                        "half of the events");
                batches.add(EventsTestSupport.batches(context.getBean(CteraStore.class).dataSource()));
                firstListener.set(recorder);
            });
            // Read once the context is closed: its poller may publish more events until then, and those are marked
            // published, so the next context does not replay them.
            seen.addAll(firstListener.get().events);
            DataSource stopped = EventsTestSupport.h2(this.directory.resolve("restart"));
            batches.add(EventsTestSupport.batches(stopped));
            Set<String> published = new HashSet<>();
            seen.stream().filter(CteraChangeEvent.class::isInstance).map(CteraChangeEvent.class::cast)
                .filter(event -> event.name().startsWith("again-")).forEach(event -> published.add(event.id()));
            Map<String, Map<String, String>> atStop = rows(stopped);
            assertKeptAtTheStop(stopped, atStop, published, healthy, faulty, gone);
            restartable.run(context -> {
                EventsTestSupport.RecordingListener recorder = context.getBean(EventsTestSupport.RecordingListener.class);
                DataSource store = context.getBean(CteraStore.class).dataSource();
                writing.join(120_000);
                AtomicReference<String> progress = new AtomicReference<>("nothing read yet");
                try {
                    EventsTestSupport.await(Duration.ofSeconds(90), () -> {
                        Set<String> all = new HashSet<>(recorder.ids("again-"));
                        seen.stream().filter(CteraChangeEvent.class::isInstance).map(CteraChangeEvent.class::cast)
                            .filter(event -> event.name().startsWith("again-")).forEach(event -> all.add(event.id()));
                        batches.add(EventsTestSupport.batches(store));
                        long unfinished = unfinished(store);
                        progress.set(all.size() + " of " + changes + " events seen, " + unfinished
                                + " deliveries unfinished");
                        return all.size() == changes && unfinished == 0;
                    }, "every event seen by a listener and every delivery finished after the restart");
                }
                catch (AssertionError ex) {
                    throw new AssertionError(ex.getMessage() + " (" + progress.get() + "; rows by endpoint and status: "
                            + statusCounts(store) + ")", ex);
                }
                Set<String> ids = new HashSet<>(recorder.ids("again-"));
                seen.stream().filter(CteraChangeEvent.class::isInstance).map(CteraChangeEvent.class::cast)
                    .filter(event -> event.name().startsWith("again-")).forEach(event -> ids.add(event.id()));
                assertEndsAsItShould(store, ids, healthy, faulty, gone);
                // What was waiting at the stop was sent after the restart, not dropped.
                Map<String, Map<String, String>> atEnd = rows(store);
                atStop.forEach((endpoint, statuses) -> statuses.forEach((id, status) -> {
                    if (!status.equals("DELIVERED")) {
                        assertThat(atEnd.get(endpoint).get(id)).as(endpoint + " " + id)
                            .isIn("DELIVERED", "DEAD", "DISABLED");
                    }
                }));
            });
            assertThat(batches).isSorted();
        }
    }

    /**
     * At the stop: the cursor was stored and covers what was published (each published event has its three outbox
     * rows, written in the cursor's transaction); the rows not yet delivered are still in the outbox; a row is
     * marked delivered only when its receiver took it.
     */
    private static void assertKeptAtTheStop(DataSource stopped, Map<String, Map<String, String>> atStop,
            Set<String> published, TestReceiver healthy, TestReceiver faulty, TestReceiver gone) {
        assertThat(published).hasSizeGreaterThanOrEqualTo(CHANGES / 2);
        assertThat(EventsTestSupport.count(stopped, "SELECT COUNT(*) FROM ctera_event_cursor WHERE cursor_value IS "
                + "NOT NULL")).isEqualTo(1);
        Map<String, TestReceiver> receivers = Map.of("healthy", healthy, "faulty", faulty, "gone", gone);
        long undelivered = 0;
        for (Map.Entry<String, TestReceiver> endpoint : receivers.entrySet()) {
            Map<String, String> statuses = atStop.getOrDefault(endpoint.getKey(), Map.of());
            assertThat(statuses.keySet()).as(endpoint.getKey()).containsAll(published);
            statuses.forEach((id, status) -> {
                if (status.equals("DELIVERED")) {
                    assertThat(endpoint.getValue().accepted).as(endpoint.getKey()).contains(id);
                }
            });
            undelivered += statuses.values().stream().filter(status -> !status.equals("DELIVERED")).count();
        }
        assertThat(undelivered).as("rows waiting in the outbox at the stop").isPositive();
    }

    private static void awaitBaseline(AssertableApplicationContext context) {
        EventsTestSupport.await(Duration.ofSeconds(60), () -> EventsTestSupport
            .batches(context.getBean(CteraStore.class).dataSource()) > 0, "the poller's baseline");
    }

    private static void write(String prefix, int count) {
        Flux.range(0, count)
            .flatMap(index -> writer.reactive().files().mkdir("My Files/" + prefix + "-" + index), 8)
            .then()
            .block(Duration.ofSeconds(150));
    }

    private static void assertEndsAsItShould(DataSource store, Set<String> ids, TestReceiver healthy,
            TestReceiver faulty, TestReceiver gone) throws Exception {
        Map<String, Map<String, String>> rows = rows(store);
        // Nothing lost: a row per event for each endpoint that wants it (all three want folder.created).
        for (String endpoint : List.of("healthy", "faulty", "gone")) {
            assertThat(rows.get(endpoint).keySet()).as(endpoint).containsAll(ids);
        }
        assertThat(rows.get("healthy")).allSatisfy((id, status) -> assertThat(status).isEqualTo("DELIVERED"));
        assertThat(healthy.accepted).containsAll(ids);
        rows.get("faulty").forEach((id, status) -> {
            assertThat(status).isIn("DELIVERED", "DEAD");
            if (status.equals("DEAD")) {
                // Dead only after every attempt (the last may have been processed and answered too late).
                assertThat(faulty.attempts.get(id).get()).isEqualTo(ATTEMPTS);
            }
            else {
                assertThat(faulty.accepted).contains(id);
            }
        });
        // The first 50 answers were 2xx, then 410 disabled the endpoint. An answer can be lost (read timeout), so
        // the receiver may hold an id whose row was then disabled; never the other way round.
        Set<String> goneDelivered = new HashSet<>();
        rows.get("gone").forEach((id, status) -> {
            if (status.equals("DELIVERED")) {
                goneDelivered.add(id);
            }
        });
        assertThat(gone.accepted).containsAll(goneDelivered).hasSizeLessThanOrEqualTo(50);
        assertThat(goneDelivered).isNotEmpty();
        assertThat(rows.get("gone").values()).doesNotContain("DEAD", "PENDING", "IN_FLIGHT");
        for (TestReceiver receiver : List.of(healthy, faulty, gone)) {
            assertThat(receiver.badSignatures).hasValue(0);
            assertThat(receiver.attempts.values()).allSatisfy(count -> assertThat(count.get()).isBetween(1, ATTEMPTS));
        }
    }

    private static Map<String, Map<String, String>> rows(DataSource store) throws Exception {
        Map<String, Map<String, String>> rows = new HashMap<>();
        try (Connection connection = store.getConnection();
                PreparedStatement select = connection
                    .prepareStatement("SELECT endpoint, webhook_id, status FROM ctera_webhook_delivery");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.computeIfAbsent(result.getString(1), key -> new HashMap<>()).put(result.getString(2),
                        result.getString(3));
            }
        }
        return rows;
    }

    private static Map<String, Map<String, Long>> statusCounts(DataSource store) throws Exception {
        Map<String, Map<String, Long>> counts = new java.util.TreeMap<>();
        rows(store).forEach((endpoint, statuses) -> statuses.values().forEach(status -> counts
            .computeIfAbsent(endpoint, key -> new java.util.TreeMap<>()).merge(status, 1L, Long::sum)));
        return counts;
    }

    private static long unfinished(DataSource store) {
        return EventsTestSupport.count(store,
                "SELECT COUNT(*) FROM ctera_webhook_delivery WHERE status IN ('PENDING', 'IN_FLIGHT')");
    }
}
