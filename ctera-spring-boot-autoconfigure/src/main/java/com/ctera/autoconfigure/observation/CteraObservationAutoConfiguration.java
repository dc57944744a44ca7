package com.ctera.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

import com.ctera.autoconfigure.client.CteraPortalBuilderCustomizer;
import com.ctera.autoconfigure.observation.CteraObservationProperties.ExchangeObservation;
import com.ctera.client.CteraPortal;
import com.ctera.client.observation.CallMetrics;
import com.ctera.client.observation.CteraMeterObservationHandler;
import com.ctera.client.observation.CteraObservationConvention;
import com.ctera.client.observation.DefaultCteraObservationConvention;
import com.ctera.client.observation.MicrometerCallMetrics;
import com.ctera.client.observation.ObservationInterceptor;

/**
 * Observes every portal call when the application has an {@link ObservationRegistry} (Spring Boot Actuator): one
 * {@code ctera.client.requests} observation per call, named by a replaceable {@link CteraObservationConvention}, and
 * {@link MicrometerCallMetrics} when there is a {@link MeterRegistry}. The call timers come from a
 * {@link CteraMeterObservationHandler} ordered ahead of Spring Boot's generic meter handler: the same meters, found
 * once per tag set instead of on every call. Each HTTP exchange of a call is observed too when there is a tracer.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ CteraPortal.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnProperty(name = "ctera.observation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CteraObservationProperties.class)
public final class CteraObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CteraObservationConvention.class)
    DefaultCteraObservationConvention cteraObservationConvention() {
        return new DefaultCteraObservationConvention();
    }

    @Bean
    @ConditionalOnMissingBean(name = "cteraObservationCustomizer")
    CteraPortalBuilderCustomizer cteraObservationCustomizer(ObservationRegistry registry,
            CteraObservationConvention convention, ObjectProvider<CallMetrics> metrics) {
        ObservationInterceptor interceptor = new ObservationInterceptor(registry, convention,
                metrics.getIfAvailable(() -> CallMetrics.NONE));
        return (portalName, builder) -> builder.interceptor(interceptor);
    }

    /**
     * Each HTTP exchange of a call observed as Boot observes a {@code WebClient}'s: the application's
     * {@link ClientRequestObservationConvention} if it has one, else Spring's default under the name Boot uses
     * ({@code management.observations.http.client.requests.name}). API calls bypass the {@code WebClient}, so its
     * own instrumentation would not see them. By default only with a tracer ({@code ctera.observation.exchanges}):
     * there each attempt becomes a span under the call's, while without one the exchange's timer mostly repeats the
     * call's and costs about 7% of a call's time at 32 callers (docs/benchmarks.md). The tracer is looked for when a
     * portal is built, once every bean is defined, so no ordering against the tracing auto-configurations is needed.
     */
    @Bean
    @ConditionalOnMissingBean(name = "cteraHttpObservationCustomizer")
    CteraPortalBuilderCustomizer cteraHttpObservationCustomizer(ObservationRegistry registry,
            ObjectProvider<ClientRequestObservationConvention> conventions, Environment environment,
            CteraObservationProperties properties, ConfigurableListableBeanFactory beans) {
        ClientRequestObservationConvention convention = conventions.getIfAvailable(
                () -> new DefaultClientRequestObservationConvention(environment.getProperty(
                        "management.observations.http.client.requests.name", "http.client.requests")));
        return (portalName, builder) -> {
            if (observesExchanges(properties.getExchanges(), beans)) {
                builder.httpObservations(registry, convention);
            }
        };
    }

    private static boolean observesExchanges(ExchangeObservation exchanges, ConfigurableListableBeanFactory beans) {
        return switch (exchanges) {
            case ALWAYS -> true;
            case NEVER -> false;
            case WITH_TRACING -> ClassUtils.isPresent("io.micrometer.tracing.Tracer", beans.getBeanClassLoader())
                    && Tracers.anyRealIn(beans);
        };
    }

    /** Loaded only when Micrometer Tracing is on the classpath. */
    private static final class Tracers {

        // Boot defines Tracer.NOOP when Micrometer Tracing is present without a bridge: no spans, so no reason.
        static boolean anyRealIn(ListableBeanFactory beans) {
            return beans.getBeanProvider(Tracer.class).stream().anyMatch((tracer) -> tracer != Tracer.NOOP);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class CallMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean(CallMetrics.class)
        MicrometerCallMetrics cteraCallMetrics(MeterRegistry registry) {
            return new MicrometerCallMetrics(registry);
        }

        /**
         * First in Boot's group of meter handlers, which gives each observation to the first handler that supports
         * it: portal calls come here, every other observation goes on to the generic handler. Honours
         * {@code management.metrics.observations.ignored-meters} as that handler does.
         */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        @ConditionalOnMissingBean(CteraMeterObservationHandler.class)
        @ConditionalOnProperty(name = "ctera.observation.kept-meters", matchIfMissing = true)
        CteraMeterObservationHandler cteraMeterObservationHandler(MeterRegistry registry, Environment environment) {
            boolean longTaskTimers = !Binder.get(environment)
                .bind("management.metrics.observations.ignored-meters", Bindable.setOf(IgnoredMeters.class))
                .map((ignored) -> ignored.contains(IgnoredMeters.LONG_TASK_TIMER))
                .orElse(false);
            return new CteraMeterObservationHandler(registry, longTaskTimers);
        }

        @Bean
        @ConditionalOnMissingBean(name = "cteraLatencyHistogramFilter")
        @ConditionalOnProperty(name = "ctera.observation.latency-histogram", havingValue = "true")
        MeterFilter cteraLatencyHistogramFilter() {
            return new LatencyHistogramFilter(DefaultCteraObservationConvention.NAME);
        }
    }
}
