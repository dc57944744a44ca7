package com.ctera.autoconfigure.analytics;

import java.time.Clock;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.client.analytics.PortalAnalytics;
import com.ctera.client.analytics.UsageSnapshotStore;

/**
 * Analytics for every portal ({@code <name>CteraAnalytics} beans), usage snapshots recorded on a schedule into the
 * snapshot store, and storage and activity gauges when Micrometer is present.
 */
@AutoConfiguration(after = { CteraClientAutoConfiguration.class, CteraStoreAutoConfiguration.class })
@ConditionalOnClass(PortalAnalytics.class)
@ConditionalOnBooleanProperty(name = "ctera.analytics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CteraAnalyticsProperties.class)
public final class CteraAnalyticsAutoConfiguration {

    @Bean
    static CteraAnalyticsBeanRegistrar cteraAnalyticsBeanRegistrar() {
        return new CteraAnalyticsBeanRegistrar();
    }

    @Bean
    @ConditionalOnMissingBean
    UsageSnapshotStore cteraUsageSnapshotStore(ObjectProvider<CteraStore> stores) {
        return AnalyticsStoreSelector.select(stores);
    }

    @Bean
    @ConditionalOnMissingBean
    CteraAnalyticsFactory cteraAnalyticsFactory(CteraAnalyticsProperties properties, UsageSnapshotStore store) {
        return new CteraAnalyticsFactory(properties, store, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "ctera.analytics.snapshots.enabled", matchIfMissing = true)
    UsageSnapshotScheduler cteraUsageSnapshotScheduler(ObjectProvider<PortalAnalytics> analytics,
            ObjectProvider<UsageFigures.Listener> listeners, CteraAnalyticsProperties properties) {
        return new UsageSnapshotScheduler(analytics, listeners, properties.getSnapshots().getInitialDelay(),
                properties.getSnapshots().getInterval(), properties.getActiveUsersWindow());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class AnalyticsMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "cteraAnalyticsMeterBinder")
        AnalyticsMeterBinder cteraAnalyticsMeterBinder(CteraAnalyticsProperties properties) {
            return new AnalyticsMeterBinder(properties.getActiveUsersWindow().toString());
        }
    }
}
