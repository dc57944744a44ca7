package com.ctera.autoconfigure.webhooks;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.actuate.CteraEndpoint;
import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.client.webhooks.DeliveryListener;
import com.ctera.client.webhooks.WebhookAddressGuard;
import com.ctera.client.webhooks.WebhookDispatcher;
import com.ctera.client.webhooks.WebhookManager;
import com.ctera.client.webhooks.WebhookOutbox;

/**
 * Webhooks out, with {@code ctera.events.enabled=true}: the {@link WebhookManager} holding the configured endpoints
 * (the change-feed pollers write its outbox rows in their batch transactions), the delivery workers, metrics and an
 * Actuator section.
 */
@AutoConfiguration(after = CteraStoreAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBooleanProperty("ctera.events.enabled")
@EnableConfigurationProperties(CteraWebhooksProperties.class)
public final class CteraWebhooksAutoConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(CteraWebhooksAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    WebhookOutbox cteraWebhookOutbox(CteraStore store) {
        return new WebhookOutbox(store.dataSource(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookManager cteraWebhookManager(CteraWebhooksProperties properties, WebhookOutbox outbox) {
        WebhookManager manager = new WebhookManager(outbox);
        WebhookSettingsResolver.endpoints(properties).forEach(manager::register);
        return manager;
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookAddressGuard cteraWebhookAddressGuard(CteraWebhooksProperties properties) {
        if (properties.isAllowHttp()) {
            logger.warn("ctera.webhooks.allow-http=true: webhooks to {} may be sent unencrypted",
                    properties.getAllowedHosts());
        }
        return new WebhookAddressGuard(WebhookSettingsResolver.allowedHosts(properties), properties.isAllowHttp());
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookDispatcher cteraWebhookDispatcher(CteraWebhooksProperties properties, WebhookOutbox outbox,
            WebhookManager manager, WebhookAddressGuard guard, ObjectProvider<DeliveryListener> listener,
            ApplicationEventPublisher publisher) {
        return new WebhookDispatcher(outbox, manager, guard, WebhookSettingsResolver.schedule(properties),
                WebhookSettingsResolver.dispatcher(properties), properties.getConnectTimeout(),
                properties.getReadTimeout(), listener.getIfAvailable(() -> DeliveryListener.NONE), publisher::publishEvent, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    CteraWebhookWorkers cteraWebhookWorkers(WebhookDispatcher dispatcher) {
        return new CteraWebhookWorkers(dispatcher);
    }

    /** The Actuator section and replay operation, only where {@code /actuator/ctera} exists (its web extension). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
    static class WebhooksEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(CteraEndpoint.class)
        CteraWebhooksEndpointContributor cteraWebhooksEndpointContributor(WebhookManager manager,
                WebhookOutbox outbox) {
            return new CteraWebhooksEndpointContributor(manager, outbox);
        }
    }

    /** Micrometer meters of the deliveries. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class WebhookMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean(DeliveryListener.class)
        WebhookMetrics cteraWebhookMetrics(MeterRegistry registry, WebhookOutbox outbox, WebhookManager manager) {
            return new WebhookMetrics(registry, outbox,
                    manager.list().stream().map(WebhookManager.WebhookRegistration::name).toList());
        }
    }
}
