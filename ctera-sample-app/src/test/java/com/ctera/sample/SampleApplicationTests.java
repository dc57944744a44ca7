package com.ctera.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The sample app starts with no configuration and reports the embedded portal in its health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SampleApplicationTests {

    @Autowired
    private WebTestClient client;

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
