package com.ctera.autoconfigure.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.actuate.CteraEndpoint;
import com.ctera.autoconfigure.actuate.CteraEndpointAutoConfiguration;
import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.bulk.BulkJob;
import com.ctera.client.bulk.BulkOperation;
import com.ctera.client.bulk.BulkOptions;
import com.ctera.client.bulk.BulkResult;
import com.ctera.client.bulk.CteraBulk;
import com.ctera.client.bulk.FailurePolicy;
import com.ctera.client.bulk.ItemOutcome;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/** A bulk bean per portal, its options by precedence, validation by property name, the endpoint and the meters. */
class CteraBulkAutoConfigurationTests {

    private static CteraPortalSimulator simulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class, CteraBulkAutoConfiguration.class,
                EndpointAutoConfiguration.class, CteraEndpointAutoConfiguration.class))
        .withPropertyValues("ctera.portals.main.url=" + simulator.baseUrl(),
                "ctera.portals.main.username=" + simulator.adminCredentials().username(),
                "ctera.portals.main.password=" + simulator.adminCredentials().password(),
                "ctera.portals.main.tenant=" + simulator.defaultTenant(),
                "ctera.portals.backup.url=" + simulator.baseUrl(), "ctera.portals.backup.context=services-portal",
                "ctera.portals.backup.username=" + simulator.tenantAdminCredentials().username(),
                "ctera.portals.backup.password=" + simulator.tenantAdminCredentials().password(),
                "ctera.primary=main");

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void oneBeanPerPortalWithItsKeysOverTheDefaultsOverCteraBulk() {
        this.runner.withPropertyValues("ctera.bulk.max-concurrency=16", "ctera.bulk.compensation-attempts=5",
                "ctera.defaults.bulk.failure-policy=abort", "ctera.portals.backup.bulk.max-concurrency=4",
                "ctera.portals.backup.bulk.failure-policy=ROLLBACK", "ctera.portals.backup.bulk.item-timeout=30s")
            .withUserConfiguration(NeedsBackup.class)
            .run((context) -> {
                assertThat(context).hasBean("mainCteraBulk").hasBean("backupCteraBulk");
                CteraBulk main = context.getBean(CteraBulk.class);
                assertThat(main.executor().portal()).isEqualTo("main");
                assertThat(main.executor().options()).isEqualTo(new BulkOptions(16, FailurePolicy.ABORT, 5,
                        Duration.ofMillis(100), null));
                CteraBulk backup = context.getBean(NeedsBackup.class).bulk;
                assertThat(backup.executor().portal()).isEqualTo("backup");
                assertThat(backup.executor().options()).isEqualTo(new BulkOptions(4, FailurePolicy.ROLLBACK, 5,
                        Duration.ofMillis(100), Duration.ofSeconds(30)));
            });
    }

    @Test
    void aBadValueStopsStartupNamingTheProperty() {
        this.runner.withPropertyValues("ctera.portals.main.bulk.max-concurrency=0")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("ctera.portals.main.bulk.max-concurrency must be between 1 and 4096, was 0"));
        this.runner.withPropertyValues("ctera.bulk.failure-policy=stop")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("ctera.bulk.failure-policy must be continue, abort or rollback, was 'stop'"));
    }

    @Test
    void canBeSwitchedOff() {
        this.runner.withPropertyValues("ctera.bulk.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(CteraBulk.class)
                .doesNotHaveBean(CteraBulkFactory.class));
    }

    @Test
    void aRunningJobShowsInTheEndpointAndFinishedJobsInTheMeters() {
        this.runner.withPropertyValues("management.endpoints.web.exposure.include=ctera")
            .withUserConfiguration(Meters.class)
            .run((context) -> {
                CteraBulk bulk = context.getBean(CteraBulk.class);
                CteraEndpoint endpoint = context.getBean(CteraEndpoint.class);
                assertThat(endpoint.portal("main")).doesNotContainKey("bulk");
                Sinks.Empty<Void> gate = Sinks.empty();
                List<BulkOperation> operations = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    operations.add(BulkOperation.of("wait-" + i, gate.asMono()));
                }
                operations.add(BulkOperation.of("fail", Mono.error(new IllegalStateException("no"))));
                BulkJob job = bulk.start("custom", operations);
                job.progress().filter(progress -> progress.inFlight() == 5 && progress.failed() == 1).blockFirst(
                        Duration.ofSeconds(10));

                assertThat(endpoint.portal("main")).extractingByKey("bulk", MAP).extractingByKey("running", LIST)
                    .singleElement()
                    .asInstanceOf(MAP)
                    .containsEntry("job", "custom")
                    .containsEntry("phase", "running")
                    .containsEntry("total", 6)
                    .containsEntry("inFlight", 5)
                    .containsEntry("failed", 1)
                    .containsEntry("maxConcurrency", 8)
                    .containsEntry("failurePolicy", "continue");
                assertThat(endpoint.portal("backup")).doesNotContainKey("bulk");
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("ctera.bulk.items.in.flight").tag("portal", "main").gauge().value())
                    .isEqualTo(5.0);

                gate.tryEmitEmpty();
                BulkResult result = job.result().block(Duration.ofSeconds(10));
                assertThat(result.count(ItemOutcome.SUCCEEDED)).isEqualTo(5);
                assertThat(endpoint.portal("main")).doesNotContainKey("bulk");
                assertThat(registry.get("ctera.bulk.items").tags("portal", "main", "job", "custom", "outcome",
                        "succeeded").counter().count()).isEqualTo(5.0);
                assertThat(registry.get("ctera.bulk.items").tags("portal", "main", "job", "custom", "outcome", "failed")
                    .counter().count()).isEqualTo(1.0);
                assertThat(registry.get("ctera.bulk.job.duration").tags("portal", "main", "job", "custom", "result",
                        "completed").timer().count()).isEqualTo(1);
                assertThat(registry.get("ctera.bulk.items.in.flight").tag("portal", "main").gauge().value()).isZero();
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsBackup {

        final CteraBulk bulk;

        NeedsBackup(@Qualifier("backup") CteraBulk bulk) {
            this.bulk = bulk;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
