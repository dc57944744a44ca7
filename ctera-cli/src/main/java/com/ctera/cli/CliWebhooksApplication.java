package com.ctera.cli;

import java.time.Clock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.autoconfigure.webhooks.CteraWebhooksProperties;
import com.ctera.client.webhooks.WebhookOutbox;

/**
 * The context of {@code ctera webhooks}: the starter's store (the application's DataSource from
 * {@code spring.datasource.*}, else its embedded H2 file at {@code ctera.store.path}), the {@code ctera.webhooks.*}
 * endpoints, and the outbox over the store. No portal, no change-feed poller, no delivery worker: the command reads
 * and requeues rows, and the application's workers deliver them.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        CteraStoreAutoConfiguration.class })
@EnableConfigurationProperties(CteraWebhooksProperties.class)
public class CliWebhooksApplication {

    @Bean
    WebhookOutbox cteraWebhookOutbox(CteraStore store) {
        return new WebhookOutbox(store.dataSource(), Clock.systemUTC());
    }

    /**
     * Boot's DataSource only when one is configured: H2 is on the class path, and without a URL Boot would make an
     * empty in-memory database that the store would take for the application's.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("spring.datasource.url")
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class ConfiguredDataSource {

    }
}
