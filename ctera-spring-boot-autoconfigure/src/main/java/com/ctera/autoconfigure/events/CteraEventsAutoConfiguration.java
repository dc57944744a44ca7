package com.ctera.autoconfigure.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.client.CteraPortals;
import com.ctera.autoconfigure.client.EmbeddedPortalSettings;
import com.ctera.autoconfigure.resilience.PortalResilienceListener;
import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.client.events.BatchWriter;
import com.ctera.client.events.ChangeFeedPoller;
import com.ctera.client.events.CircuitBreakerEvents;
import com.ctera.client.events.CteraEventPublisher;
import com.ctera.client.events.JdbcEventStore;
import com.ctera.client.events.JdbcLeaseLock;
import com.ctera.client.events.PollerSettings;
import com.ctera.client.webhooks.WebhookManager;

/**
 * With {@code ctera.events.enabled=true}: a change-feed poller per portal publishing {@code CteraEvent}s to the
 * application's {@link ApplicationEventPublisher}, its state in the {@link CteraStore}, the webhook outbox written in
 * the same transactions (when webhooks are configured), each portal's circuit breaker transitions as events, metrics
 * and an Actuator section.
 */
@AutoConfiguration(after = { CteraClientAutoConfiguration.class, CteraStoreAutoConfiguration.class },
        afterName = { "com.ctera.autoconfigure.webhooks.CteraWebhooksAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBooleanProperty("ctera.events.enabled")
@EnableConfigurationProperties(CteraEventsProperties.class)
public final class CteraEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CteraEventPublisher cteraEventPublisher(ApplicationEventPublisher publisher) {
        return publisher::publishEvent;
    }

    /** Each portal's circuit breaker openings and closings as {@code CteraCircuitBreakerEvent}s. */
    @Bean
    @ConditionalOnMissingBean(name = "cteraCircuitBreakerEvents")
    PortalResilienceListener cteraCircuitBreakerEvents(CteraEventPublisher publisher) {
        return resilience -> {
            if (resilience.circuitBreaker() != null) {
                CircuitBreakerEvents.attach(resilience.portalName(), resilience.circuitBreaker().breaker(), publisher,
                        Clock.systemUTC());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    JdbcEventStore cteraEventStore(CteraStore store) {
        return new JdbcEventStore(store.dataSource(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    CteraEventPollers cteraEventPollers(CteraEventsProperties properties, CteraPortals portals, CteraStore store,
            JdbcEventStore eventStore, CteraEventPublisher publisher, ObjectProvider<BatchWriter> writer,
            ObjectProvider<EmbeddedPortalSettings> embedded) {
        BatchWriter batchWriter = writer.getIfAvailable(() -> BatchWriter.NONE);
        boolean writerNeedsPaths = batchWriter instanceof WebhookManager manager && manager.needsPaths();
        boolean writerNeedsOwners = batchWriter instanceof WebhookManager manager && manager.list().stream()
            .anyMatch(registration -> registration.filter().needsOwner());
        PollerSettings settings = properties.toSettings(properties.isResolvePaths() || writerNeedsPaths,
                writerNeedsOwners);
        String owner = instanceId(properties);
        List<ChangeFeedPoller> pollers = new ArrayList<>();
        for (CteraPortal portal : followed(properties, portals)) {
            if (embedded.getIfAvailable() != null && portal.name().equals(EmbeddedPortalSettings.PORTAL_NAME)) {
                // The embedded simulator is a new portal at every start: a cursor stored by an earlier run would only
                // be refused, with a warning and a resync event that mean nothing here.
                eventStore.forgetFeed(portal.name());
            }
            JdbcLeaseLock lease = new JdbcLeaseLock(store.dataSource(), "events:" + portal.name(), owner,
                    properties.getLeaseTime(), Clock.systemUTC());
            pollers.add(new ChangeFeedPoller(portal, eventStore, lease, publisher, batchWriter, settings,
                    Clock.systemUTC()));
        }
        return new CteraEventPollers(pollers);
    }

    @Bean
    @ConditionalOnMissingBean
    CteraEventsEndpointContributor cteraEventsEndpointContributor(CteraEventPollers pollers) {
        return new CteraEventsEndpointContributor(pollers);
    }

    private static List<CteraPortal> followed(CteraEventsProperties properties, CteraPortals portals) {
        if (properties.getPortals().isEmpty()) {
            return List.copyOf(portals.asMap().values());
        }
        List<CteraPortal> chosen = new ArrayList<>();
        for (String name : properties.getPortals()) {
            chosen.add(portals.find(name).orElseThrow(() -> new IllegalStateException("Invalid CTERA configuration: "
                    + "ctera.events.portals names '" + name + "', which is not a configured portal; portals: "
                    + portals.names())));
        }
        return chosen;
    }

    private static String instanceId(CteraEventsProperties properties) {
        if (!properties.getInstanceId().isBlank()) {
            return properties.getInstanceId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            host = "instance";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Micrometer meters of the pollers. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class EventsMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CteraEventsMeterBinder cteraEventsMeterBinder(CteraEventPollers pollers) {
            return new CteraEventsMeterBinder(pollers);
        }
    }
}
