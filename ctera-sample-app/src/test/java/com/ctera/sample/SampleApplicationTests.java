package com.ctera.sample;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.ctera.autoconfigure.simulator.EmbeddedPortalSimulator;
import com.ctera.client.CteraPortal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app starts with no configuration, reports the embedded portal in its health, and exposes the portal
 * calls in {@code /actuator/prometheus} and the portal in {@code /actuator/ctera}.
 */
// Generous bounds for a loaded 2-core machine, where the first call of each kind runs on a cold JIT; they only cap
// the wait, each answer comes in well under a second.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ctera.health.timeout=20s")
@AutoConfigureWebTestClient(timeout = "30s")
class SampleApplicationTests {

    @Autowired
    private WebTestClient client;

    @Autowired
    private CteraPortal portal;

    @Autowired
    private EmbeddedPortalSimulator embedded;

    @LocalServerPort
    private int port;

    @Test
    void healthShowsTheEmbeddedPortalUp() {
        this.client.get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP")
            .jsonPath("$.components.ctera.components.embedded.status")
            .isEqualTo("UP")
            .jsonPath("$.components.ctera.components.embedded.details.context")
            .isEqualTo("admin");
        this.client.get()
            .uri("/actuator/health/readiness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.ctera.status")
            .isEqualTo("UP");
    }

    @Test
    void theResilienceEndpointsShowThePortalsLimiterAndBreaker() {
        this.client.get()
            .uri("/actuator/ratelimiters")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.rateLimiters")
            .value((names) -> assertThat(names.toString()).contains("ctera-embedded"));
        this.client.get()
            .uri("/actuator/circuitbreakers")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.circuitBreakers.ctera-embedded")
            .exists();
    }

    // Reactor Netty 1.3.6 stopped reading a keep-alive connection once a queued request had been answered at once
    // (reactor-netty#4361): the next request on it was never read, which is how the health check above timed out
    // after the 400 of aMissingUserIsNotFoundAndABadLimitIsABadRequest on a loaded machine. Writing both requests at
    // once queues the second one every time instead of only when the machine is slow.
    @Test
    void aKeepAliveConnectionIsStillReadAfterAQueuedRequestIsAnsweredAtOnce() throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(this.port, Duration.ofSeconds(10))) {
            connection.get("/users/no.such.user", "/users?limit=0");
            assertThat(connection.nextStatus()).isEqualTo(404);
            assertThat(connection.nextStatus()).isEqualTo(400);
            connection.get("/actuator/health/liveness");
            assertThat(connection.nextStatus()).isEqualTo(200);
        }
    }

    @Test
    void prometheusShowsThePortalCalls() {
        String user = this.embedded.simulator().endUserCredentials().username();
        this.portal.users().get(user);
        String scrape = this.client.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(scrape).contains("ctera_client_requests_seconds_count{error=\"none\",error_type=\"none\","
                + "operation=\"users.get\",outcome=\"SUCCESS\",portal=\"embedded\",status=\"200\"}")
            .contains("ctera_client_requests_seconds_bucket{")
            .contains("ctera_client_requests_retries_count{")
            .contains("ctera_client_logins_total{kind=\"initial\",portal=\"embedded\"}")
            .doesNotContain(user);
    }

    @Test
    void cteraEndpointDescribesTheEmbeddedPortalWithoutSecrets() {
        this.portal.session();
        String body = this.client.get()
            .uri("/actuator/ctera")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(body).contains("\"embedded\"", "\"context\":\"admin\"", "\"state\":\"established\"")
            .doesNotContain(this.embedded.simulator().adminCredentials().password());
    }

    @Test
    void usersAreServedFromTheEmbeddedPortal() {
        this.client.get()
            .uri("/users?limit=5")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.length()")
            .isEqualTo(5)
            .jsonPath("$[0].name")
            .isNotEmpty();
    }

    @Test
    void aMissingUserIsNotFoundAndABadLimitIsABadRequest() {
        this.client.get().uri("/users/no.such.user").exchange().expectStatus().isNotFound();
        this.client.get().uri("/users?limit=0").exchange().expectStatus().isBadRequest();
    }

    @Test
    void devicesAreListed() {
        this.client.get()
            .uri("/devices")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$[0].deviceType")
            .isNotEmpty();
    }
}
