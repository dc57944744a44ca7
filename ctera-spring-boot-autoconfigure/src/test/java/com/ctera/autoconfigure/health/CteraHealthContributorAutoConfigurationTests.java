package com.ctera.autoconfigure.health;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** One health entry per portal: UP against the simulator, DOWN in time when unreachable, no secret shown. */
class CteraHealthContributorAutoConfigurationTests {

    private static CteraPortalSimulator simulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CteraClientAutoConfiguration.class, CteraHealthContributorAutoConfiguration.class));

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void eachPortalHasItsEntryWithDetailsAndNoSecret() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        this.runner
            .withPropertyValues("ctera.portals.live.url=" + simulator.baseUrl(),
                    "ctera.portals.live.username=" + simulator.adminCredentials().username(),
                    "ctera.portals.live.password=" + simulator.adminCredentials().password(),
                    "ctera.portals.gone.url=http://127.0.0.1:" + closedPort, "ctera.portals.gone.username=admin",
                    "ctera.portals.gone.password=gone-secret", "ctera.portals.gone.timeouts.connect=500ms",
                    "ctera.health.timeout=3s")
            .run((context) -> {
                CompositeHealthContributor composite = (CompositeHealthContributor) context
                    .getBean("cteraHealthContributor", HealthContributor.class);
                Health live = ((HealthIndicator) composite.getContributor("live")).health();
                assertThat(live.getStatus()).isEqualTo(Status.UP);
                assertThat(live.getDetails()).containsEntry("url", simulator.baseUrl().toString())
                    .containsEntry("context", "admin")
                    .containsKey("version")
                    .containsKey("latency");
                Health gone = ((HealthIndicator) composite.getContributor("gone")).health();
                assertThat(gone.getStatus()).isEqualTo(Status.DOWN);
                assertThat(gone.getDetails()).containsKey("error");
                assertThat(live.toString() + gone).doesNotContain(simulator.adminCredentials().password())
                    .doesNotContain("gone-secret");
            });
    }

    @Test
    void canBeSwitchedOff() {
        this.runner.withPropertyValues("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.bearer-token=t",
                "management.health.ctera.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean("cteraHealthContributor"));
    }

    @Test
    void backsOffWithoutSpringBootHealth() {
        this.runner.withPropertyValues("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.bearer-token=t")
            .withClassLoader(new FilteredClassLoader(HealthContributor.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("cteraHealthContributor"));
    }
}
