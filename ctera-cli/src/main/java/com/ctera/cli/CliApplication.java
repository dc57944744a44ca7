package com.ctera.cli;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;

import com.ctera.autoconfigure.analytics.CteraAnalyticsAutoConfiguration;
import com.ctera.autoconfigure.bulk.CteraBulkAutoConfiguration;
import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.resilience.CteraResilienceAutoConfiguration;

/**
 * The command's Spring context: only the starter's portal, resilience, bulk and analytics auto-configurations (their
 * beans lazy), so a command starts no web server, no Actuator, no event store and nothing it does not use.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        CteraResilienceAutoConfiguration.class, CteraClientAutoConfiguration.class, CteraBulkAutoConfiguration.class,
        CteraAnalyticsAutoConfiguration.class })
public class CliApplication {

}
