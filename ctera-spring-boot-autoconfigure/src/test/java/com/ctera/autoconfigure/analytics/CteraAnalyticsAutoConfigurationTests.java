package com.ctera.autoconfigure.analytics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.events.EventsTestSupport;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.client.analytics.ComplianceCheck;
import com.ctera.client.analytics.ComplianceStandard;
import com.ctera.client.analytics.InMemoryUsageSnapshotStore;
import com.ctera.client.analytics.JdbcUsageSnapshotStore;
import com.ctera.client.analytics.PortalAnalytics;
import com.ctera.client.analytics.UsageSnapshotStore;
import com.ctera.client.statistics.CloudFolderUsage;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;

import static org.assertj.core.api.Assertions.assertThat;

/** Analytics beans per portal, the snapshot store's choice, the gauges, and the properties' validation. */
@ExtendWith(OutputCaptureExtension.class)
class CteraAnalyticsAutoConfigurationTests {

    private static CteraPortalSimulator simulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                CteraAnalyticsAutoConfiguration.class))
        .withPropertyValues("ctera.portals.main.url=" + simulator.baseUrl(),
                "ctera.portals.main.username=" + simulator.adminCredentials().username(),
                "ctera.portals.main.password=" + simulator.adminCredentials().password(),
                "ctera.analytics.snapshots.initial-delay=1h");

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void eachPortalGetsItsAnalyticsBeanWithItsQualifier() {
        this.runner.withPropertyValues("ctera.portals.other.url=" + simulator.baseUrl(),
                "ctera.portals.other.username=" + simulator.tenantAdminCredentials().username(),
                "ctera.portals.other.password=" + simulator.tenantAdminCredentials().password(),
                "ctera.primary=main")
            .withUserConfiguration(NeedsOther.class)
            .run((context) -> {
                assertThat(context).hasBean("mainCteraAnalytics").hasBean("otherCteraAnalytics");
                assertThat(context.getBean(PortalAnalytics.class).portal().name()).isEqualTo("main");
                assertThat(context.getBean(NeedsOther.class).analytics.portal().name()).isEqualTo("other");
                assertThat(context.getBean(UsageSnapshotStore.class)).isInstanceOf(InMemoryUsageSnapshotStore.class);
            });
    }

    @Test
    void theStoreOverTheApplicationsDataSourceKeepsTheSnapshots() {
        this.runner.withConfiguration(AutoConfigurations.of(CteraStoreAutoConfiguration.class))
            .withUserConfiguration(OneDataSource.class).run((context) -> {
            assertThat(context.getBean(UsageSnapshotStore.class)).isInstanceOf(JdbcUsageSnapshotStore.class);
            context.getBean(UsageSnapshotScheduler.class).recordNow();
            UsageSnapshotStore store = context.getBean(UsageSnapshotStore.class);
            long stored = store.find("main", java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(5))
                .count();
            assertThat(stored).isEqualTo(context.getBean(PortalAnalytics.class).portal().statistics()
                .cloudFolders().size()).isPositive();
        });
    }

    @Test
    void snapshotsInTheEmbeddedStoreOutliveARestart(@TempDir Path directory) {
        ApplicationContextRunner embedded = this.runner
            .withConfiguration(AutoConfigurations.of(CteraStoreAutoConfiguration.class))
            .withPropertyValues("ctera.store.path=" + directory.resolve("store"));
        long[] recorded = new long[1];
        embedded.run((context) -> {
            context.getBean(UsageSnapshotScheduler.class).recordNow();
            recorded[0] = storedFor(context.getBean(UsageSnapshotStore.class));
        });
        assertThat(recorded[0]).isPositive();
        embedded.run((context) -> assertThat(storedFor(context.getBean(UsageSnapshotStore.class)))
            .isEqualTo(recorded[0]));
    }

    private static long storedFor(UsageSnapshotStore store) {
        return store.find("main", java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(5)).count();
    }

    @Test
    void gaugesShowTheLastRecordedUsage() {
        this.runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class))
            .run((context) -> {
                context.getBean(UsageSnapshotScheduler.class).recordNow();
                long used = context.getBean(PortalAnalytics.class).portal().statistics().cloudFolders().stream()
                    .mapToLong(CloudFolderUsage::sizeBytes).sum();
                String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
                assertThat(scrape).contains("ctera_storage_used_bytes{portal=\"main\",tenant=\"acme\"} "
                        + (double) used)
                    .contains("ctera_storage_quota_bytes{portal=\"main\",tenant=\"acme\"}")
                    .contains("ctera_cloudfolder_used_bytes{cloud_folder=\"My Files\",owner=\"alice\",portal=\"main\"")
                    .contains("ctera_cloudfolder_quota_bytes{")
                    .containsPattern("ctera_users_active\\{portal=\"main\",window=\"PT168H\"} [1-9]");
            });
    }

    @Test
    void logFieldsComeFromTheProperties() {
        this.runner.withPropertyValues("ctera.analytics.log-fields.outcome=outcomeCode").run((context) -> {
            PortalAnalytics analytics = context.getBean(PortalAnalytics.class);
            assertThat(analytics.securityAudit().complianceReport(ComplianceStandard.GDPR, Duration.ofDays(2))
                .checks()).filteredOn(check -> check.id().equals("BRUTE_FORCE")).singleElement()
                .satisfies(check -> assertThat(check.status()).isEqualTo(ComplianceCheck.Status.CANNOT_DETERMINE));
        });
    }

    @Test
    void aBadValueStopsStartupNamingTheProperty() {
        this.runner.withPropertyValues("ctera.analytics.audit.failed-login-window=0s").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("ctera.analytics.audit.failed-login-window must be positive");
        });
        this.runner.withPropertyValues("ctera.analytics.log-fields.user= ").run((context) -> assertThat(context)
            .getFailure().rootCause().hasMessageContaining("ctera.analytics.log-fields.user must name"));
    }

    @Test
    void stoppingDuringARunLogsNoWarning(CapturedOutput output) {
        // Every answer held back, so the run is still waiting for the portal when the context closes.
        simulator.faults().inject(FaultRule.forPath("/").delay(Duration.ofSeconds(5)));
        long before = simulator.requests().total();
        try {
            this.runner.withPropertyValues("ctera.analytics.snapshots.initial-delay=0s")
                .run((context) -> EventsTestSupport.await(Duration.ofSeconds(10),
                        () -> simulator.requests().total() > before, "the run to reach the portal"));
        }
        finally {
            simulator.faults().clear();
        }
        // The interrupted run logs on its own thread once the context has closed: wait for that thread to end.
        EventsTestSupport.await(Duration.ofSeconds(10), () -> Thread.getAllStackTraces().keySet().stream()
            .noneMatch((thread) -> thread.getName().equals("ctera-usage-snapshots")), "the snapshot thread to end");
        assertThat(output).doesNotContain("Could not record the usage").doesNotContain("usage snapshot run failed");
    }

    @Test
    void offMeansNoAnalyticsBeans() {
        this.runner.withPropertyValues("ctera.analytics.enabled=false").run((context) -> assertThat(context)
            .doesNotHaveBean(PortalAnalytics.class).doesNotHaveBean(UsageSnapshotScheduler.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsOther {

        private final PortalAnalytics analytics;

        NeedsOther(@Qualifier("other") PortalAnalytics analytics) {
            this.analytics = analytics;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OneDataSource {

        @Bean
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return dataSource;
        }
    }
}
