package com.ctera.autoconfigure.bulk;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.client.CteraProperties;
import com.ctera.autoconfigure.client.EmbeddedPortalSettings;
import com.ctera.client.bulk.BulkMonitor;
import com.ctera.client.bulk.CteraBulk;

/**
 * A {@link CteraBulk} bean per portal ({@code <name>CteraBulk}), with options from {@code ctera.bulk.*},
 * {@code ctera.defaults.bulk.*} and {@code ctera.portals.<name>.bulk.*}; its running jobs in
 * {@code /actuator/ctera}; job meters when Micrometer is in use; and the jobs stopped, within
 * {@code ctera.bulk.shutdown-grace}, when the application stops.
 */
@AutoConfiguration(after = CteraClientAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(CteraBulk.class)
@ConditionalOnProperty(name = { "ctera.enabled", "ctera.bulk.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties({ CteraProperties.class, CteraBulkProperties.class })
@Import(CteraBulkBeanRegistrar.class)
public final class CteraBulkAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RunningBulkJobs cteraRunningBulkJobs() {
        return new RunningBulkJobs();
    }

    @Bean
    @ConditionalOnMissingBean
    BulkJobsShutdown cteraBulkJobsShutdown(ConfigurableListableBeanFactory beans, CteraBulkProperties shared) {
        return new BulkJobsShutdown(beans, shared.getShutdownGrace());
    }

    @Bean
    @ConditionalOnMissingBean
    CteraBulkFactory cteraBulkFactory(CteraProperties properties, CteraBulkProperties shared,
            ObjectProvider<EmbeddedPortalSettings> embedded, ObjectProvider<BulkMonitor> monitors) {
        return new CteraBulkFactory(properties, shared, () -> {
            EmbeddedPortalSettings settings = embedded.getIfAvailable();
            return (settings != null) ? settings.portalProperties() : null;
        }, monitors.orderedStream().toList());
    }

    /** Job meters, when Micrometer is in use. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        BulkMetrics cteraBulkMetrics(MeterRegistry registry, RunningBulkJobs running) {
            return new BulkMetrics(registry, running);
        }
    }
}
