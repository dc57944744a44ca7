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
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.CteraPortal;

/**
 * One health entry per portal, grouped under {@code ctera} in {@code /actuator/health}; include {@code ctera} in a
 * readiness group ({@code management.endpoint.health.group.readiness.include}) to gate traffic on the portals. A
 * reactive web application gets reactive entries, which hold no thread while a portal answers.
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
        return CompositeHealthContributor.fromMap(checks(portals, properties, signals),
                CteraPortalHealthIndicator::new);
    }

    /** One check per portal, by portal name. */
    static Map<String, PortalHealthCheck> checks(ObjectProvider<CteraPortal> portals, CteraHealthProperties properties,
            ObjectProvider<CteraPortalHealthSignal> signals) {
        List<CteraPortalHealthSignal> guards = signals.orderedStream().toList();
        Map<String, PortalHealthCheck> byName = new LinkedHashMap<>();
        portals.orderedStream()
            .forEach((portal) -> byName.putIfAbsent(portal.name(),
                    new PortalHealthCheck(portal, properties.getTimeout(), properties.getCacheTtl(), guards,
                            properties.isResilienceAffectsStatus(), Clock.systemUTC())));
        return byName;
    }

    /**
     * In a reactive web application the health endpoint subscribes to the check instead of blocking a thread on it.
     * Declared as a member class so that it is processed before the blocking contributor above, which then steps
     * aside.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class ReactiveHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = { "cteraHealthIndicator", "cteraHealthContributor" })
        ReactiveHealthContributor cteraHealthContributor(ObjectProvider<CteraPortal> portals,
                CteraHealthProperties properties, ObjectProvider<CteraPortalHealthSignal> signals) {
            return CompositeReactiveHealthContributor.fromMap(checks(portals, properties, signals),
                    CteraPortalReactiveHealthIndicator::new);
        }
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
