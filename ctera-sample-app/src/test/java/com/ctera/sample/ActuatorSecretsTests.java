package com.ctera.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Even with Actuator told to show values, no portal password or token leaves the application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=env,configprops",
                "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
                "ctera.simulator.enabled=true", "ctera.primary=embedded",
                "ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.username=admin",
                "ctera.portals.main.password=sample-secret-pw", "ctera.portals.robot.url=https://portal.example.com",
                "ctera.portals.robot.bearer-token=sample-secret-token" })
@AutoConfigureWebTestClient(timeout = "30s")
class ActuatorSecretsTests {

    @Autowired
    private WebTestClient client;

    @Test
    void envAndConfigpropsMaskPortalSecrets() {
        for (String endpoint : new String[] { "/actuator/env", "/actuator/configprops" }) {
            String body = this.client.get()
                .uri(endpoint)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
            assertThat(body).as(endpoint)
                .contains("portal.example.com")
                .doesNotContain("sample-secret-pw")
                .doesNotContain("sample-secret-token");
        }
    }
}
