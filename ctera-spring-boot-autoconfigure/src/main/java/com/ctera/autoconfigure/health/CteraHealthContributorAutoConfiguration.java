package com.ctera.autoconfigure.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.CteraPortal;

/**
 * One health entry per portal, grouped under {@code ctera} in {@code /actuator/health}; include {@code ctera} in a
 * readiness group ({@code management.endpoint.health.group.readiness.include}) to gate traffic on the portals.
 */
@AutoConfiguration(after = CteraClientAutoConfiguration.class)
@ConditionalOnClass({ CteraPortal.class, HealthContributor.class })
@ConditionalOnBean(CteraPortal.class)
@ConditionalOnEnabledHealthIndicator("ctera")
@EnableConfigurationProperties(CteraHealthProperties.class)
public final class CteraHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = { "cteraHealthIndicator", "cteraHealthContributor" })
    HealthContributor cteraHealthContributor(ObjectProvider<CteraPortal> portals, CteraHealthProperties properties,
            ObjectProvider<CteraPortalHealthSignal> signals) {
        List<CteraPortalHealthSignal> guards = signals.orderedStream().toList();
        Map<String, CteraPortalHealthIndicator> byName = new LinkedHashMap<>();
        portals.orderedStream()
            .forEach((portal) -> byName.putIfAbsent(portal.name(),
                    new CteraPortalHealthIndicator(portal, properties.getTimeout(), properties.getCacheTtl(), guards,
                            properties.isResilienceAffectsStatus(), Clock.systemUTC())));
        return CompositeHealthContributor.fromMap(byName);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class HealthMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "cteraHealthMeterBinder")
        MeterBinder cteraHealthMeterBinder(BeanFactory beanFactory) {
            return new CteraHealthMeterBinder(beanFactory);
        }
    }
}
