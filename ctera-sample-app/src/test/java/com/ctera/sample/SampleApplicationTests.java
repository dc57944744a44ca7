package com.ctera.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.ctera.autoconfigure.simulator.EmbeddedPortalSimulator;
import com.ctera.client.CteraPortal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app starts with no configuration, reports the embedded portal in its health, and exposes the portal
 * calls in {@code /actuator/prometheus} and the portal in {@code /actuator/ctera}.
 */
// The first health check logs in with a cold JIT; on a loaded 2-core machine that can approach the default 5s.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ctera.health.timeout=20s")
@AutoConfigureWebTestClient(timeout = "30s")
class SampleApplicationTests {

    @Autowired
    private WebTestClient client;

    @Autowired
    private CteraPortal portal;

    @Autowired
    private EmbeddedPortalSimulator embedded;

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
