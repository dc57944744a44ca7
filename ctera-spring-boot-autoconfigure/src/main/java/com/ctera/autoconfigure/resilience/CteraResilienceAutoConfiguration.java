package com.ctera.autoconfigure.resilience;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;

import com.ctera.autoconfigure.actuate.CteraEndpointContributor;
import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.client.CteraPortalBuilderCustomizer;
import com.ctera.autoconfigure.client.CteraPortalDefinitions;
import com.ctera.autoconfigure.health.CteraPortalHealthSignal;
import com.ctera.client.resilience.CallRateLimiter;
import com.ctera.client.resilience.PortalResilience;
import com.ctera.client.resilience.RateLimitManager;

/**
 * Retry, overall deadline, circuit breaker and rate limiting for every portal bean, from {@code ctera.defaults.*}
 * and {@code ctera.portals.<name>.*}; a {@link RateLimitManager} for application code; Micrometer meters for the
 * limiters and the retry budget; Resilience4j registries (when present) for breakers and fixed windows.
 */
@AutoConfiguration(after = CteraClientAutoConfiguration.class,
        afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration" })
@ConditionalOnClass(PortalResilience.class)
@ConditionalOnProperty(name = "ctera.enabled", matchIfMissing = true)
public final class CteraResilienceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PortalResilienceFactory cteraPortalResilienceFactory(ObjectProvider<CircuitBreakerRegistry> breakers,
            ObjectProvider<RateLimiterRegistry> rateLimiters, ListableBeanFactory beans) {
        return new PortalResilienceFactory(breakers.getIfAvailable(), rateLimiters.getIfAvailable(),
                new BeanFactorySharedLimitDataSources(beans));
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimitManager cteraRateLimitManager(CteraPortalDefinitions definitions, PortalResilienceFactory factory) {
        Map<String, CallRateLimiter> named = new LinkedHashMap<>();
        definitions.namedLimits().forEach((key, limit) -> named.put(key, factory.limiter(key, limit)));
        return new RateLimitManager(named, definitions.unnamedLimit()
            .<Function<String, CallRateLimiter>>map((limit) -> (key) -> factory.limiter(key, limit))
            .orElse(null));
    }

    @Bean
    @ConditionalOnMissingBean
    CteraResilience cteraResilience(CteraPortalDefinitions definitions, PortalResilienceFactory factory,
            RateLimitManager rateLimitManager, ObjectProvider<PortalResilienceListener> listeners) {
        return new CteraResilience(definitions, factory, rateLimitManager, listeners.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(name = "cteraResilienceCustomizer")
    CteraPortalBuilderCustomizer cteraResilienceCustomizer(CteraResilience resilience) {
        return (portalName, builder) -> resilience.forPortal(portalName).applyTo(builder);
    }

    /**
     * For application code that repeats its own multi-call work with Spring Framework's {@code RetryTemplate}:
     * retries what the client calls retryable, with the backoff of {@code ctera.defaults.retry}.
     */
    @Bean
    @ConditionalOnMissingBean(name = "cteraRetryPolicy")
    RetryPolicy cteraRetryPolicy(CteraPortalDefinitions definitions) {
        return CteraRetryPredicate.retryPolicy(definitions.defaultResilience().retry());
    }

    @Bean
    @ConditionalOnMissingBean(name = "cteraCircuitBreakerHealthSignal")
    CteraPortalHealthSignal cteraCircuitBreakerHealthSignal(CteraResilience resilience) {
        return new CircuitBreakerHealthSignal(resilience);
    }

    @Bean
    @ConditionalOnMissingBean(name = "cteraResilienceEndpointContributor")
    CteraEndpointContributor cteraResilienceEndpointContributor(CteraResilience resilience) {
        return new CteraEndpointContributor() {

            @Override
            public String section() {
                return "resilience";
            }

            @Override
            public Map<String, Object> describe(String portalName) {
                return resilience.describe(portalName);
            }
        };
    }

    /** Meters for limiters and the retry budget, when Micrometer is in use. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ResilienceMeterBinder cteraResilienceMeterBinder(MeterRegistry registry) {
            return new ResilienceMeterBinder(registry);
        }
    }
}
