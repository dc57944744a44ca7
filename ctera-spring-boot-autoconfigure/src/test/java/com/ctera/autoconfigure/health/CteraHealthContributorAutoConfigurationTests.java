package com.ctera.autoconfigure.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.test.CteraPortalTest;
import com.ctera.test.SimulatedPortal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One health entry per portal: UP against the simulator, DOWN in time when unreachable, cached between checks,
 * guards shown but not DOWN unless opted in, usable in a health group, no secret shown.
 */
@CteraPortalTest
class CteraHealthContributorAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations
        .of(CteraClientAutoConfiguration.class, CteraHealthContributorAutoConfiguration.class);

    private final CteraPortalSimulator simulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS);

    CteraHealthContributorAutoConfigurationTests(CteraPortalSimulator simulator) {
        this.simulator = simulator;
    }

    private String[] livePortal(String name) {
        return new SimulatedPortal(name, "admin", "", this.simulator).propertyValues();
    }

    @Test
    void eachPortalHasItsEntryWithDetailsAndNoSecret() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        this.runner.withPropertyValues(livePortal("live"))
            .withPropertyValues("ctera.portals.gone.url=http://127.0.0.1:" + closedPort,
                    "ctera.portals.gone.username=admin", "ctera.portals.gone.password=gone-secret",
                    "ctera.portals.gone.timeouts.connect=500ms", "ctera.health.timeout=3s")
            .run((context) -> {
                CompositeHealthContributor composite = (CompositeHealthContributor) context
                    .getBean("cteraHealthContributor", HealthContributor.class);
                Health live = ((HealthIndicator) composite.getContributor("live")).health();
                assertThat(live.getStatus()).isEqualTo(Status.UP);
                assertThat(live.getDetails()).containsEntry("url", this.simulator.baseUrl().toString())
                    .containsEntry("context", "admin")
                    .containsKey("version")
                    .containsKey("latency")
                    .containsKey("checkedAt");
                assertThat(live.getDetails().get("version")).asString().isNotBlank();
                Health gone = ((HealthIndicator) composite.getContributor("gone")).health();
                assertThat(gone.getStatus()).isEqualTo(Status.DOWN);
                assertThat(gone.getDetails()).containsKey("error");
                assertThat(live.toString() + gone).doesNotContain(this.simulator.adminCredentials().password())
                    .doesNotContain("gone-secret");
            });
    }

    @Test
    void aPortalThatNeverAnswersIsDownWithinTheTimeout() throws IOException {
        // A listening socket nobody reads from: the connection opens, the answer never comes.
        try (ServerSocket silent = new ServerSocket(0)) {
            this.runner
                .withPropertyValues("ctera.portals.silent.url=http://127.0.0.1:" + silent.getLocalPort(),
                        "ctera.portals.silent.username=admin", "ctera.portals.silent.password=silent-secret",
                        "ctera.health.timeout=800ms")
                .run((context) -> {
                    HealthIndicator indicator = (HealthIndicator) ((CompositeHealthContributor) context
                        .getBean("cteraHealthContributor", HealthContributor.class)).getContributor("silent");
                    long started = System.nanoTime();
                    Health health = indicator.health();
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("error")).asString().contains("no answer within PT0.8S");
                    assertThat(took).isLessThan(Duration.ofSeconds(5));
                    assertThat(health.toString()).doesNotContain("silent-secret");
                });
        }
    }

    @Test
    void aPortalThatAnswersTooLateIsDownThroughTheEndpointWithinTheTimeout() {
        this.runner
            .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
            .withPropertyValues(livePortal("late"))
            .withPropertyValues("ctera.health.timeout=500ms", "ctera.health.cache-ttl=0s")
            .run((context) -> {
                context.getBean(CteraPortal.class).session();
                // Logged in first, so the delayed answer is the check's own currentSession, not the login's.
                // @CteraPortalTest clears the fault after the test.
                this.simulator.faults()
                    .inject(FaultRule.forOperation("currentSession").delay(Duration.ofSeconds(5)).times(1));
                long started = System.nanoTime();
                HealthDescriptor late = context.getBean(HealthEndpoint.class).healthForPath("ctera", "late");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(late.getStatus()).isEqualTo(Status.DOWN);
                assertThat(((IndicatedHealthDescriptor) late).getDetails().get("error")).asString()
                    .contains("no answer within PT0.5S");
                assertThat(took).isLessThan(Duration.ofSeconds(3));
            });
    }

    @Test
    void aReactiveWebApplicationGetsEntriesThatHoldNoThreadWhileThePortalIsSilent() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withPropertyValues("ctera.portals.silent.url=http://127.0.0.1:" + silent.getLocalPort(),
                        "ctera.portals.silent.username=admin", "ctera.portals.silent.password=silent-secret",
                        "ctera.health.timeout=3s")
                .run((context) -> {
                    ReactiveHealthContributor contributor = context.getBean("cteraHealthContributor",
                            ReactiveHealthContributor.class);
                    assertThat(contributor).isInstanceOf(CompositeReactiveHealthContributor.class);
                    ReactiveHealthIndicator indicator = (ReactiveHealthIndicator) ((CompositeReactiveHealthContributor) contributor)
                        .getContributor("silent");
                    SimpleMeterRegistry registry = new SimpleMeterRegistry();
                    context.getBean("cteraHealthMeterBinder", MeterBinder.class).bindTo(registry);
                    assertThat(registry.get("ctera.portal.health").tag("portal", "silent").gauge().value()).isNaN();
                    CompletableFuture<Health> first = indicator.health().toFuture();
                    CompletableFuture<Health> second = indicator.health().toFuture();
                    // The portal cannot answer before the 3s timeout: had subscribing waited for the check (a thread
                    // held), the results would be there already.
                    assertThat(first).isNotDone();
                    assertThat(second).isNotDone();
                    Health health = first.get(10, TimeUnit.SECONDS);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("error")).asString().contains("no answer within PT3S");
                    assertThat(second.get(1, TimeUnit.SECONDS)).as("probes during a check share it").isSameAs(health);
                    assertThat(health.toString()).doesNotContain("silent-secret");
                    assertThat(registry.get("ctera.portal.health").tag("portal", "silent").gauge().value())
                        .isEqualTo(0.0);
                });
        }
    }

    @Test
    void resultsAreReusedForTheCacheTtl() {
        this.runner.withPropertyValues(livePortal("live")).withPropertyValues("ctera.health.cache-ttl=1h").run((context) -> {
            HealthIndicator indicator = (HealthIndicator) ((CompositeHealthContributor) context
                .getBean("cteraHealthContributor", HealthContributor.class)).getContributor("live");
            // Log in first: the login's own bootstrap reads currentSession too.
            context.getBean(CteraPortal.class).session();
            long before = this.simulator.requests().count("currentSession");
            Health first = indicator.health();
            Health second = indicator.health();
            assertThat(second).isSameAs(first);
            assertThat(this.simulator.requests().count("currentSession")).isEqualTo(before + 1);
        });
    }

    @Test
    void aCachedResultExpiresAndEachCheckIsARealCall() {
        this.runner.withPropertyValues(livePortal("live")).run((context) -> {
            MutableClock clock = new MutableClock();
            CteraPortalHealthIndicator indicator = new CteraPortalHealthIndicator(context.getBean(CteraPortal.class),
                    Duration.ofSeconds(5), Duration.ofSeconds(10), List.of(), false, clock);
            context.getBean(CteraPortal.class).session();
            long before = this.simulator.requests().count("currentSession");
            indicator.health();
            clock.advance(Duration.ofSeconds(9));
            indicator.health();
            assertThat(this.simulator.requests().count("currentSession")).isEqualTo(before + 1);
            clock.advance(Duration.ofSeconds(1));
            indicator.health();
            assertThat(this.simulator.requests().count("currentSession")).isEqualTo(before + 2);
        });
    }

    @Test
    void eachPortalsLastResultIsAGaugeThatNeverTriggersACheck() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        this.runner.withPropertyValues(livePortal("live"))
            .withPropertyValues("ctera.portals.gone.url=http://127.0.0.1:" + closedPort,
                    "ctera.portals.gone.bearer-token=gone-token")
            .run((context) -> {
                assertThat(context).hasBean("cteraHealthMeterBinder");
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                context.getBean("cteraHealthMeterBinder", MeterBinder.class).bindTo(registry);
                long before = this.simulator.requests().total();
                assertThat(registry.get("ctera.portal.health").tag("portal", "live").gauge().value()).isNaN();
                assertThat(this.simulator.requests().total()).isEqualTo(before);
                CompositeHealthContributor composite = (CompositeHealthContributor) context
                    .getBean("cteraHealthContributor", HealthContributor.class);
                ((HealthIndicator) composite.getContributor("live")).health();
                ((HealthIndicator) composite.getContributor("gone")).health();
                assertThat(registry.get("ctera.portal.health").tag("portal", "live").gauge().value()).isEqualTo(1.0);
                assertThat(registry.get("ctera.portal.health").tag("portal", "gone").gauge().value()).isEqualTo(0.0);
            });
    }

    @Test
    void anOpenBreakerIsShownButDoesNotMakeThePortalDownByDefault() {
        this.runner.withPropertyValues(livePortal("live")).withUserConfiguration(OpenBreaker.class).run((context) -> {
            Health health = ((HealthIndicator) ((CompositeHealthContributor) context
                .getBean("cteraHealthContributor", HealthContributor.class)).getContributor("live")).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("circuitBreaker", Map.of("state", "OPEN"));
        });
    }

    @Test
    void anOpenBreakerMakesThePortalDownWhenTheUserOptsIn() {
        this.runner.withPropertyValues(livePortal("live"))
            .withPropertyValues("ctera.health.resilience-affects-status=true")
            .withUserConfiguration(OpenBreaker.class)
            .run((context) -> {
                Health health = ((HealthIndicator) ((CompositeHealthContributor) context
                    .getBean("cteraHealthContributor", HealthContributor.class)).getContributor("live")).health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            });
    }

    @Test
    void thePortalsCanGateAReadinessGroup() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ApplicationContextRunner withEndpoint = this.runner.withConfiguration(AutoConfigurations.of(
                HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                HealthEndpointAutoConfiguration.class));
        withEndpoint.withPropertyValues(livePortal("live"))
            .withPropertyValues("management.endpoint.health.group.readiness.include=ctera",
                    "management.endpoint.health.group.liveness.include=ping")
            .run((context) -> {
                HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
                HealthDescriptor readiness = endpoint.healthForPath("readiness");
                assertThat(readiness.getStatus()).isEqualTo(Status.UP);
                assertThat(endpoint.healthForPath("ctera", "live").getStatus()).isEqualTo(Status.UP);
            });
        withEndpoint.withPropertyValues(livePortal("live"))
            .withPropertyValues("ctera.portals.gone.url=http://127.0.0.1:" + closedPort,
                    "ctera.portals.gone.bearer-token=gone-token",
                    "management.endpoint.health.group.readiness.include=ctera",
                    "management.endpoint.health.group.liveness.include=ping")
            .run((context) -> {
                HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
                assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.DOWN);
                assertThat(endpoint.healthForPath("liveness").getStatus()).as("a portal outage is no reason to restart")
                    .isEqualTo(Status.UP);
            });
    }

    @Test
    void aNegativeCacheTtlStopsStartupNamingTheProperty() {
        this.runner.withPropertyValues(livePortal("live"))
            .withPropertyValues("ctera.health.cache-ttl=-1s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("ctera.health.cache-ttl must be zero (no cache) or positive"));
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

    @Configuration(proxyBeanMethods = false)
    static class OpenBreaker {

        @Bean
        CteraPortalHealthSignal openBreaker() {
            return new CteraPortalHealthSignal() {
                @Override
                public String name() {
                    return "circuitBreaker";
                }

                @Override
                public @Nullable State state(String portalName) {
                    return new State(true, Map.of("state", "OPEN"));
                }
            };
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }
    }
}
