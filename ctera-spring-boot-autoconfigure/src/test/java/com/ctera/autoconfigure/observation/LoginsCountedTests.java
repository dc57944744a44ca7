package com.ctera.autoconfigure.observation;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.client.CteraPortals;
import com.ctera.client.CteraPortal;
import com.ctera.client.observation.MicrometerCallMetrics;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.test.CteraPortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ctera.client.logins} counts every portal's first login, whichever call makes it: several portals logging
 * in at once, some through an ordinary call, some by asking who they are (which used to log in outside the call
 * pipeline, so that its login went uncounted while {@code /actuator/ctera} showed it).
 */
@CteraPortalTest
class LoginsCountedTests {

    private static final List<String> PORTALS = List.of("a", "b", "c", "d");

    private final CteraPortalSimulator simulator;

    LoginsCountedTests(CteraPortalSimulator simulator) {
        this.simulator = simulator;
    }



    @Test
    void everyPortalsFirstLoginIsCountedOnceWhenTheyLogInAtOnce() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                    CteraObservationAutoConfiguration.class))
            .withUserConfiguration(Registries.class)
            .withPropertyValues("ctera.simulator.enabled=false",
                    "ctera.defaults.url=" + this.simulator.baseUrl(),
                    "ctera.defaults.username=" + this.simulator.adminCredentials().username(),
                    "ctera.defaults.password=" + this.simulator.adminCredentials().password());
        for (String name : PORTALS) {
            runner = runner.withPropertyValues("ctera.portals." + name + ".context=admin");
        }
        runner.run((context) -> {
            List<CteraPortal> portals = List.copyOf(context.getBean(CteraPortals.class).asMap().values());
            assertThat(portals).hasSize(PORTALS.size());
            // Each portal logs in from two callers at once: one asks who it is, one makes an ordinary call.
            Flux.fromIterable(portals)
                .flatMap((portal) -> Mono.when(portal.reactive().session(), portal.reactive().checkSession()))
                .blockLast();
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (CteraPortal portal : portals) {
                assertThat(portal.portalSession().loginCount()).as(portal.name()).isOne();
                assertThat(meters.get(MicrometerCallMetrics.LOGINS).tag("portal", portal.name())
                    .tag("kind", "initial").counter().count()).as(portal.name()).isEqualTo(1.0);
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Registries {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry() {
            // A registry without handlers counts as no-op, and the client then observes nothing.
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler((context) -> true);
            return registry;
        }
    }
}
