package com.ctera.autoconfigure.webhooks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import com.ctera.autoconfigure.actuate.CteraEndpointAutoConfiguration;
import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.events.CteraEventPollers;
import com.ctera.autoconfigure.events.CteraEventsAutoConfiguration;
import com.ctera.autoconfigure.events.EventsTestSupport;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.client.webhooks.WebhookOutbox;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /actuator/ctera/webhooks/{endpoint}/replay}: discovered as a write operation of the {@code ctera}
 * endpoint when it is exposed, absent (and startup unharmed) when it is not; replaying sends dead deliveries again.
 */
class WebhookReplayEndpointTests {

    private static CteraPortalSimulator simulator;

    private static CteraPortal writer;

    @TempDir
    Path directory;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class, CteraStoreAutoConfiguration.class,
                CteraWebhooksAutoConfiguration.class, CteraEventsAutoConfiguration.class,
                EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
                CteraEndpointAutoConfiguration.class))
        .withPropertyValues(EventsTestSupport.portal(simulator, "main"))
        .withPropertyValues(EventsTestSupport.fastEvents())
        .withPropertyValues("ctera.webhooks.allowed-hosts=127.0.0.1", "ctera.webhooks.allow-http=true",
                "ctera.webhooks.retry-schedule=20ms", "ctera.webhooks.idle-poll=20ms",
                "ctera.webhooks.connect-timeout=200ms", "ctera.webhooks.read-timeout=1s");

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
    void deadDeliveriesAreSentAgainThroughTheExposedEndpoint() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean();
        try (TestReceiver receiver = new TestReceiver((id, attempt, number) -> healthy.get() ? TestReceiver.Answer.OK
                : TestReceiver.Answer.SERVER_ERROR, Duration.ZERO)) {
            this.runner.withPropertyValues("management.endpoints.web.exposure.include=ctera",
                    "ctera.store.path=" + this.directory.resolve("exposed"),
                    "ctera.webhooks.endpoints.audit.url=" + receiver.url(),
                    "ctera.webhooks.endpoints.audit.secret=" + secret())
                .run(context -> {
                    CteraEventPollers pollers = context.getBean(CteraEventPollers.class);
                    EventsTestSupport.await(Duration.ofSeconds(30),
                            () -> pollers.poller("main").orElseThrow().status().cursor() != null, "the baseline");
                    EventsTestSupport.upload(writer, "My Files", "replayed.txt", "again");
                    WebhookOutbox outbox = context.getBean(WebhookOutbox.class);
                    EventsTestSupport.await(Duration.ofSeconds(15), () -> dead(outbox) >= 1, "a dead delivery");
                    assertThat(receiver.accepted).isEmpty();
                    long dead = dead(outbox);

                    WebOperation replay = replayOperation(context.getBean(WebEndpointsSupplier.class));
                    assertThat(replay.getRequestPredicate().getPath()).isEqualTo("ctera/{section}/{endpoint}/{action}");
                    WebEndpointResponse<?> unknown = (WebEndpointResponse<?>) replay.invoke(invocation("nope"));
                    assertThat(unknown.getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
                    assertThat(unknown.getBody().toString()).contains("audit");

                    healthy.set(true);
                    WebEndpointResponse<?> answer = (WebEndpointResponse<?>) replay.invoke(invocation("audit"));
                    assertThat(answer.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
                    assertThat(answer.getBody()).isEqualTo(Map.of("endpoint", "audit", "replayed", (int) dead));
                    EventsTestSupport.await(Duration.ofSeconds(15), () -> receiver.accepted.size() == dead,
                            "the replayed deliveries");
                    assertThat(dead(outbox)).isZero();
                });
        }
    }

    @Test
    void withoutExposureThereIsNoReplayAndStartupIsUnharmed() {
        this.runner.withPropertyValues("ctera.store.path=" + this.directory.resolve("hidden"))
            .run(context -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(CteraWebhooksEndpointContributor.class);
                assertThat(context.getBean(WebEndpointsSupplier.class).getEndpoints())
                    .noneMatch(endpoint -> endpoint.getEndpointId().toString().equals("ctera"));
            });
    }

    private static long dead(WebhookOutbox outbox) {
        return outbox.counts().getOrDefault("audit", Map.of()).getOrDefault(WebhookOutbox.Status.DEAD, 0L);
    }

    private static WebOperation replayOperation(WebEndpointsSupplier endpoints) {
        ExposableWebEndpoint ctera = endpoints.getEndpoints().stream()
            .filter(endpoint -> endpoint.getEndpointId().toString().equals("ctera")).findFirst().orElseThrow();
        assertThat(ctera.getOperations()).filteredOn(operation -> operation.getType() == OperationType.READ)
            .as("the endpoint's reads stay").hasSize(2);
        return ctera.getOperations().stream().filter(operation -> operation.getType() == OperationType.WRITE)
            .findFirst().orElseThrow();
    }

    private static InvocationContext invocation(String endpoint) {
        return new InvocationContext(SecurityContext.NONE,
                Map.of("section", "webhooks", "endpoint", endpoint, "action", "replay"));
    }

    private static String secret() {
        return "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
