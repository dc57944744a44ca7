package com.ctera.autoconfigure.observation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.analytics.CteraAnalyticsAutoConfiguration;
import com.ctera.autoconfigure.analytics.UsageSnapshotScheduler;
import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.client.CteraPortalBuilderCustomizer;
import com.ctera.autoconfigure.health.CteraHealthContributorAutoConfiguration;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.observation.CallMetrics;
import com.ctera.client.observation.CteraMeterObservationHandler;
import com.ctera.client.observation.CteraObservationConvention;
import com.ctera.client.observation.CteraRequestContext;
import com.ctera.client.observation.DefaultCteraObservationConvention;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallEvents;
import com.ctera.client.pipeline.CallInterceptor;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.test.CteraPortalTest;
import com.ctera.simulator.FaultRule;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every portal call observed with no user code: the Prometheus families, their tags and counts; back-off rules. */
@CteraPortalTest
class CteraObservationAutoConfigurationTests {

    private final CteraPortalSimulator simulator;

    private final ApplicationContextRunner runner;

    private final ApplicationContextRunner withTracing;

    private final ApplicationContextRunner withActuator;

    CteraObservationAutoConfigurationTests(CteraPortalSimulator simulator) {
        this.simulator = simulator;
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                    CteraObservationAutoConfiguration.class))
            .withPropertyValues("ctera.portals.main.url=" + simulator.baseUrl(),
                    "ctera.portals.main.username=" + simulator.adminCredentials().username(),
                    "ctera.portals.main.password=" + simulator.adminCredentials().password(),
                    "ctera.portals.main.timeouts.read=700ms");
        this.withTracing = this.runner.withConfiguration(
                AutoConfigurations.of(ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class));
        this.withActuator = this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                PrometheusMetricsExportAutoConfiguration.class));
    }




    @Test
    void prometheusShowsEveryFamilyWithItsTagsAndCounts() {
        this.withActuator.withUserConfiguration(FakeRetryStage.class).run((context) -> {
            CteraPortal portal = context.getBean(CteraPortal.class);
            String user = this.simulator.endUserCredentials().username();
            portal.users().get(user);
            assertThatThrownBy(() -> portal.users().delete("nobody-here")).isInstanceOf(CteraNotFoundException.class);
            this.simulator.faults().inject(FaultRule.forOperation("users.get").tooManyRequests(Duration.ZERO));
            portal.users().get(user);
            this.simulator.faults().inject(FaultRule.forOperation("users.get").delay(Duration.ofSeconds(3)));
            assertThatThrownBy(() -> portal.users().get(user)).isInstanceOf(CteraTransportException.class);

            String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
            Map<String, String> success = Map.of("portal", "main", "operation", "users.get", "outcome", "SUCCESS",
                    "status", "200", "error_type", "none");
            assertThat(sample(scrape, "ctera_client_requests_seconds_count", success)).isEqualTo(2);
            assertThat(sample(scrape, "ctera_client_requests_seconds_count", Map.of("operation", "users.delete",
                    "outcome", "CLIENT_ERROR", "status", "404", "error_type", "other"))).isEqualTo(1);
            assertThat(sample(scrape, "ctera_client_requests_seconds_count", Map.of("operation", "users.get",
                    "outcome", "UNKNOWN", "status", "none", "error_type", "client_timeout"))).isEqualTo(1);
            Map<String, String> retried = Map.of("portal", "main", "operation", "users.get", "outcome", "SUCCESS");
            assertThat(sample(scrape, "ctera_client_requests_retries_count", retried)).isEqualTo(2);
            assertThat(sample(scrape, "ctera_client_requests_retries_sum", retried)).isEqualTo(1);
            assertThat(sample(scrape, "ctera_client_logins_total", Map.of("portal", "main", "kind", "initial")))
                .isEqualTo(1);
            assertThat(scrape).contains("ctera_client_requests_active_seconds_count{")
                .as("histogram buckets are opt-in")
                .doesNotContain("ctera_client_requests_seconds_bucket");
            // Tags never carry a user name or a path.
            assertThat(scrape.lines().filter((line) -> line.startsWith("ctera_")))
                .noneMatch((line) -> line.contains(user) || line.contains("nobody-here") || line.contains("/api/"));
        });
    }

    @Test
    void portalCallsGoToTheKeptMeterHandlerOnceAndOtherObservationsToBoots() {
        this.withActuator.withUserConfiguration(TimerSampleProbe.class).run((context) -> {
            assertThat(context).hasSingleBean(CteraMeterObservationHandler.class);
            context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
            // The generic handler keeps a Timer.Sample in the context; the kept-meter handler does not.
            assertThat(context.getBean(TimerSampleProbe.class).samplesSeen).containsExactly(false);
            Observation.createNotStarted("other.work", context.getBean(ObservationRegistry.class)).observe(() -> {
            });
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            // Counted once: the generic handler, behind it in the group, never sees a portal call.
            assertThat(meters.get("ctera.client.requests").tag("operation", "users.get").timer().count()).isEqualTo(1);
            assertThat(meters.get("other.work").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void withoutKeptMetersBootsHandlerRecordsPortalCalls() {
        this.withActuator.withUserConfiguration(TimerSampleProbe.class)
            .withPropertyValues("ctera.observation.kept-meters=false")
            .run((context) -> {
                assertThat(context).doesNotHaveBean(CteraMeterObservationHandler.class);
                context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
                assertThat(context.getBean(TimerSampleProbe.class).samplesSeen).containsExactly(true);
                assertThat(context.getBean(MeterRegistry.class).get("ctera.client.requests").timer().count())
                    .isEqualTo(1);
            });
    }

    @Test
    void theKeptMeterHandlerHonoursBootsIgnoredLongTaskTimer() {
        this.withActuator.withPropertyValues("management.metrics.observations.ignored-meters=long-task-timer")
            .run((context) -> {
                context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
                String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
                assertThat(scrape).contains("ctera_client_requests_seconds_count{")
                    .doesNotContain("ctera_client_requests_active");
            });
    }

    @Test
    void everyFamilyInTheDocumentationAndTheDashboardIsEmitted() throws IOException {
        this.withActuator.withConfiguration(AutoConfigurations.of(CteraHealthContributorAutoConfiguration.class,
                CteraAnalyticsAutoConfiguration.class))
            .withUserConfiguration(FakeRetryStage.class, FakeLimiterAndTransfer.class)
            .withPropertyValues("ctera.observation.latency-histogram=true",
                    "ctera.analytics.snapshots.initial-delay=1h")
            .run((context) -> {
                CteraPortal portal = context.getBean(CteraPortal.class);
                portal.users().get(this.simulator.endUserCredentials().username());
                ((HealthIndicator) ((CompositeHealthContributor) context.getBean("cteraHealthContributor",
                        HealthContributor.class)).getContributor("main")).health();
                context.getBean(UsageSnapshotScheduler.class).recordNow();
                String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
                Set<String> emitted = scrape.lines()
                    .filter((line) -> line.startsWith("ctera_"))
                    .map((line) -> line.substring(0, line.indexOf('{')))
                    .collect(Collectors.toSet());
                Set<String> documented = familiesNamedIn(Path.of("..", "docs", "grafana", "ctera-dashboard.json"));
                documented.addAll(familiesNamedIn(Path.of("..", "docs", "observability.md")));
                assertThat(documented).isNotEmpty();
                assertThat(emitted).containsAll(documented);
                assertThat(sample(scrape, "ctera_client_ratelimiter_wait_seconds_count",
                        Map.of("portal", "main", "operation", "users.get"))).isEqualTo(1);
                assertThat(sample(scrape, "ctera_client_transfer_bytes_total",
                        Map.of("operation", "users.get", "direction", "received"))).isEqualTo(2048);
                assertThat(sample(scrape, "ctera_portal_health", Map.of("portal", "main"))).isEqualTo(1);
            });
    }

    /** Every full metric name (ctera_..._count, _sum, _bucket, _total, ...) a document mentions. */
    private static Set<String> familiesNamedIn(Path document) throws IOException {
        Matcher names = Pattern.compile("ctera_[a-z_]+").matcher(Files.readString(document));
        Set<String> found = new java.util.HashSet<>();
        while (names.find()) {
            found.add(names.group());
        }
        return found;
    }

    @Test
    void theDocumentedObservationReachesATestObservationRegistry() {
        this.runner.withUserConfiguration(TestRegistry.class).run((context) -> {
            context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            assertThat(registry).hasObservationWithNameEqualTo("ctera.client.requests")
                .that()
                .hasContextualNameEqualTo("ctera users.get")
                .hasLowCardinalityKeyValue("portal", "main")
                .hasLowCardinalityKeyValue("operation", "users.get")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("status", "200")
                .hasLowCardinalityKeyValue("error.type", "none");
            assertThat(context).hasSingleBean(DefaultCteraObservationConvention.class)
                .doesNotHaveBean(CallMetrics.class);
        });
    }

    @Test
    void withBootsWebClientEachExchangeOfACallIsItsChildObservation() {
        this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class))
            .withUserConfiguration(TestRegistry.class, FakeRetryStage.class)
            .withPropertyValues("ctera.observation.exchanges=always")
            .run((context) -> {
                this.simulator.faults().inject(FaultRule.forOperation("users.get").tooManyRequests(Duration.ZERO));
                context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
                TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
                assertThat(registry).hasHandledContextsThatSatisfy((contexts) -> {
                    var attempts = contexts.stream()
                        .filter((observed) -> "http.client.requests".equals(observed.getName()))
                        .filter((observed) -> String.valueOf(observed.getHighCardinalityKeyValue("http.url"))
                            .contains("/users/"))
                        .toList();
                    assertThat(attempts).as("the throttled attempt and the retry").hasSize(2)
                        .allSatisfy((attempt) -> assertThat(attempt.getParentObservation()).isNotNull()
                            .extracting((parent) -> parent.getContextView().getName())
                            .isEqualTo("ctera.client.requests"));
                });
            });
    }

    @Test
    void apiCallExchangesTakeTheNameBootGivesWebClientExchanges() {
        this.runner.withUserConfiguration(TestRegistry.class)
            .withPropertyValues("management.observations.http.client.requests.name=portal.http",
                    "ctera.observation.exchanges=always")
            .run((context) -> {
                context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
                assertThat(context.getBean(TestObservationRegistry.class)).hasObservationWithNameEqualTo("portal.http")
                    .that()
                    .hasLowCardinalityKeyValue("method", "POST")
                    .hasParentObservationContextMatching(
                            (parent) -> "ctera.client.requests".equals(parent.getName()));
            });
    }

    @Test
    void withATracerEachAttemptIsASpanUnderTheCallsSpan() {
        this.withTracing.withUserConfiguration(RecordingTracer.class, FakeRetryStage.class).run((context) -> {
            this.simulator.faults().inject(FaultRule.forOperation("users.get").tooManyRequests(Duration.ZERO));
            context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
            List<SimpleSpan> spans = List.copyOf(context.getBean(SimpleTracer.class).getSpans());
            List<SimpleSpan> calls = spans.stream()
                .filter((span) -> "ctera users.get".equals(span.getName()))
                .toList();
            assertThat(calls).as("one span for the call, in %s", spans).hasSize(1);
            SimpleSpan call = calls.get(0);
            List<SimpleSpan> attempts = spans.stream()
                .filter((span) -> String.valueOf(span.getTags().get("http.url")).contains("/users/"))
                .toList();
            assertThat(attempts).as("the throttled attempt and the retry, in %s", spans)
                .hasSize(2)
                .allSatisfy((attempt) -> assertThat(attempt.getParentId()).isEqualTo(call.getSpanId()))
                .extracting((attempt) -> attempt.getTags().get("status"))
                .containsExactly("429", "200");
        });
    }

    @Test
    void withoutATracerACallIsOneObservation() {
        this.runner.withUserConfiguration(TestRegistry.class)
            .run(this::aCallIsOneObservation);
    }

    @Test
    void bootsNoopTracerDoesNotTurnExchangesOn() {
        this.withTracing.withConfiguration(AutoConfigurations.of(NoopTracerAutoConfiguration.class))
            .withUserConfiguration(TestRegistry.class)
            .run((context) -> {
                assertThat(context).getBean(Tracer.class).isSameAs(Tracer.NOOP);
                aCallIsOneObservation(context);
            });
    }

    @Test
    void exchangesNeverObservedLeavesOneSpanPerCall() {
        this.withTracing.withUserConfiguration(RecordingTracer.class)
            .withPropertyValues("ctera.observation.exchanges=never")
            .run((context) -> {
                context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
                assertThat(context.getBean(SimpleTracer.class).getSpans()).extracting(SimpleSpan::getName)
                    .isNotEmpty()
                    .allSatisfy((name) -> assertThat(name).startsWith("ctera "));
            });
    }

    @Test
    void withoutMicrometerTracingExchangesAreNotObserved() {
        this.runner.withUserConfiguration(TestRegistry.class)
            .withClassLoader(new FilteredClassLoader(Tracer.class))
            .run(this::aCallIsOneObservation);
    }

    @Test
    void anUnknownExchangesValueStopsStartupNamingTheProperty() {
        this.runner.withUserConfiguration(TestRegistry.class)
            .withPropertyValues("ctera.observation.exchanges=sometimes")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .hasStackTraceContaining("ctera.observation.exchanges")
                .hasStackTraceContaining("sometimes"));
    }

    // One users.get: its call observed, none of its HTTP exchanges.
    private void aCallIsOneObservation(AssertableApplicationContext context) {
        context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
        assertThat(context.getBean(TestObservationRegistry.class))
            .hasNumberOfObservationsWithNameEqualTo("http.client.requests", 0)
            .hasObservationWithNameEqualTo("ctera.client.requests");
    }

    @Test
    void aUserConventionReplacesTheDefault() {
        this.runner.withUserConfiguration(TestRegistry.class, CustomConvention.class).run((context) -> {
            context.getBean(CteraPortal.class).users().get(this.simulator.endUserCredentials().username());
            assertThat(context).hasSingleBean(CteraObservationConvention.class)
                .doesNotHaveBean("cteraObservationConvention");
            assertThat(context.getBean(TestObservationRegistry.class)).hasObservationWithNameEqualTo("ctera.client.requests")
                .that()
                .hasLowCardinalityKeyValue("team", "storage");
        });
    }

    @Test
    void backsOffWhenDisabled() {
        this.withActuator.withPropertyValues("ctera.observation.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean("cteraObservationCustomizer")
                .doesNotHaveBean(CteraObservationConvention.class));
    }

    @Test
    void backsOffWithoutAnObservationRegistry() {
        this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("cteraObservationCustomizer"));
    }

    @Test
    void worksWithoutMicrometerCore() {
        this.runner.withUserConfiguration(TestRegistry.class)
            .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasBean("cteraObservationCustomizer")
                .doesNotHaveBean(CallMetrics.class));
    }

    /** The value of the one sample of {@code family} that has all these tags. */
    private static double sample(String scrape, String family, Map<String, String> tags) {
        return scrape.lines()
            .filter((line) -> line.startsWith(family + "{"))
            .filter((line) -> tags.entrySet()
                .stream()
                .allMatch((tag) -> line.contains(tag.getKey() + "=\"" + tag.getValue() + "\"")))
            .map((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .reduce(Double::sum)
            .orElseThrow(() -> new AssertionError("No " + family + " sample with " + tags + " in:\n" + scrape));
    }

    /** Notes, for each portal call that ends, whether a Timer.Sample was left in its context. */
    @Configuration(proxyBeanMethods = false)
    static class TimerSampleProbe implements ObservationHandler<CteraRequestContext> {

        final List<Boolean> samplesSeen = new CopyOnWriteArrayList<>();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof CteraRequestContext;
        }

        @Override
        public void onStop(CteraRequestContext context) {
            this.samplesSeen.add(context.get(Timer.Sample.class) != null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingTracer {

        @Bean
        SimpleTracer simpleTracer() {
            return new SimpleTracer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TestRegistry {

        @Bean
        TestObservationRegistry testObservationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomConvention {

        @Bean
        CteraObservationConvention teamConvention() {
            return new DefaultCteraObservationConvention() {
                @Override
                public io.micrometer.common.KeyValues getLowCardinalityKeyValues(CteraRequestContext context) {
                    return super.getLowCardinalityKeyValues(context).and(KeyValue.of("team", "storage"));
                }
            };
        }
    }

    /** Stands in for the rate limiter and a file transfer: each attempt waited and received bytes. */
    @Configuration(proxyBeanMethods = false)
    static class FakeLimiterAndTransfer {

        @Bean
        CteraPortalBuilderCustomizer fakeLimiterAndTransfer() {
            return (name, builder) -> builder.interceptor(new CallInterceptor() {
                @Override
                public int order() {
                    return RATE_LIMITER_ORDER;
                }

                @Override
                public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
                    return CallEvents.notify((events) -> events.rateLimited(Duration.ofMillis(5)))
                        .then(next)
                        .flatMap((value) -> CallEvents.notify((events) -> events.transferred(0, 2048))
                            .thenReturn(value));
                }
            });
        }
    }

    /** Stands in for the retry stage of another feature: repeats a throttled call once and reports it. */
    @Configuration(proxyBeanMethods = false)
    static class FakeRetryStage {

        @Bean
        CteraPortalBuilderCustomizer fakeRetry() {
            return (name, builder) -> builder.interceptor(new CallInterceptor() {
                @Override
                public int order() {
                    return RETRY_ORDER;
                }

                @Override
                public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
                    return next.onErrorResume(CteraThrottledException.class, (error) -> CallEvents
                        .notify((events) -> events.retrying(2, error, Duration.ZERO))
                        .then(next));
                }
            });
        }
    }
}
