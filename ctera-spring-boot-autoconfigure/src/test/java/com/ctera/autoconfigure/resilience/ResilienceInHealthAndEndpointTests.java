package com.ctera.autoconfigure.resilience;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.autoconfigure.actuate.CteraEndpoint;
import com.ctera.autoconfigure.actuate.CteraEndpointAutoConfiguration;
import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.health.CteraHealthContributorAutoConfiguration;
import com.ctera.client.CteraException;
import com.ctera.client.CteraPortal;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.test.CteraPortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The breaker and limiters show in each portal's health entry and in {@code /actuator/ctera}; an open breaker turns
 * the entry DOWN only for the portal that opted in.
 */
@CteraPortalTest
class ResilienceInHealthAndEndpointTests {

    private final CteraPortalSimulator simulator;

    private final ApplicationContextRunner runner;

    ResilienceInHealthAndEndpointTests(CteraPortalSimulator simulator) {
        this.simulator = simulator;
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                    CteraResilienceAutoConfiguration.class, CteraHealthContributorAutoConfiguration.class,
                    CteraEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=ctera",
                    "ctera.defaults.url=" + simulator.baseUrl(), "ctera.defaults.username=admin",
                    "ctera.defaults.password=" + adminPassword(), "ctera.defaults.retry.max-attempts=1",
                    "ctera.defaults.circuit-breaker.minimum-number-of-calls=2",
                    "ctera.defaults.circuit-breaker.sliding-window-size=2",
                    "ctera.defaults.circuit-breaker.wait-duration-in-open-state=1m",
                    "ctera.defaults.rate-limit.strategy=token-bucket", "ctera.defaults.rate-limit.rate=100",
                    "ctera.portals.strict.circuit-breaker.affects-health=true", "ctera.portals.lenient.tenant=acme",
                    "ctera.health.cache-ttl=1ms");
    }

    private String adminPassword() {
        return this.simulator.adminCredentials().password();
    }

    @Test
    void anOpenBreakerShowsEverywhereButOnlyTheOptedInPortalGoesDown() {
        this.runner.run((context) -> {
            CteraPortal strict = context.getBean("strictCteraPortal", CteraPortal.class);
            CteraPortal lenient = context.getBean("lenientCteraPortal", CteraPortal.class);
            openBreaker(strict);
            openBreaker(lenient);
            CompositeHealthContributor health = (CompositeHealthContributor) context.getBean("cteraHealthContributor",
                    HealthContributor.class);
            Health strictHealth = ((HealthIndicator) health.getContributor("strict")).health();
            Health lenientHealth = ((HealthIndicator) health.getContributor("lenient")).health();
            assertThat(strictHealth.getStatus()).isEqualTo(Status.DOWN);
            assertThat(lenientHealth.getStatus()).isEqualTo(Status.UP);
            assertThat(detail(strictHealth)).containsEntry("state", "OPEN");
            assertThat(detail(lenientHealth)).containsEntry("state", "OPEN");

            Map<String, Object> described = context.getBean(CteraEndpoint.class).portal("strict");
            assertThat(described).containsKey("resilience");
            assertThat(described.get("resilience").toString()).contains("OPEN").contains("rateLimit")
                .doesNotContain(adminPassword());
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health health) {
        return (Map<String, Object>) health.getDetails().get("circuitBreaker");
    }

    private void openBreaker(CteraPortal portal) {
        this.simulator.faults().inject(FaultRule.forOperation("devices.query").times(2).status(500));
        for (int i = 0; i < 2; i++) {
            assertThat(catchThrowable(() -> portal.devices().list().findFirst())).isInstanceOf(CteraException.class);
        }
    }
}
