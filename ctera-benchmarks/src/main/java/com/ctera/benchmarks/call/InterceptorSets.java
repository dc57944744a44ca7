package com.ctera.benchmarks.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import brave.propagation.tracecontext.TraceContextPropagation;
import brave.sampler.Sampler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingAwareMeterObservationHandler;
import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraPortalBuilder;
import com.ctera.client.observation.CallMetrics;
import com.ctera.client.observation.CteraMeterObservationHandler;
import com.ctera.client.observation.DefaultCteraObservationConvention;
import com.ctera.client.observation.MicrometerCallMetrics;
import com.ctera.client.observation.ObservationInterceptor;
import com.ctera.client.pipeline.CallInterceptor;
import com.ctera.client.resilience.CallRateLimiter;
import com.ctera.client.resilience.CircuitBreakerInterceptor;
import com.ctera.client.resilience.DeadlineInterceptor;
import com.ctera.client.resilience.NoRateLimit;
import com.ctera.client.resilience.PortalResilience;
import com.ctera.client.resilience.RateLimitInterceptor;
import com.ctera.client.resilience.RetryInterceptor;
import com.ctera.client.resilience.RetryPolicy;

/**
 * The pipeline configurations the call-overhead benchmark compares, by name (its {@code interceptors} parameter):
 * <ul>
 * <li>{@code none}: no stages;</li>
 * <li>{@code passthrough}: four stages that do nothing, at the real stages' positions (the seam alone);</li>
 * <li>{@code observation}: the observation stage on a Prometheus meter registry, with the call metrics, its timers
 * made by the starter's kept-meter handler ahead of Micrometer's generic one (as the starter wires them);</li>
 * <li>{@code observation-generic}: the same with Micrometer's generic meter handler alone, as before the kept-meter
 * handler;</li>
 * <li>{@code full}: the whole pipeline of issue 6 as the starter builds it by default: observation, retry, circuit
 * breaker and an unlimited rate limiter (the starter sets no overall deadline unless {@code timeouts.overall} is
 * set);</li>
 * <li>{@code full-deadline}: {@code full} plus an overall deadline, every stage the client has;</li>
 * <li>{@code resilience}: {@code full} without the observation stage;</li>
 * <li>{@code deadline}, {@code retry}, {@code breaker}, {@code limiter}: one stage of {@code full-deadline} alone, to
 * price it;</li>
 * <li>{@code http-observation}: no stage, each HTTP exchange observed as {@code http.client.requests} on a
 * Prometheus registry, as the starter sets it up in an Actuator application; {@code http-observation-no-ltt}: the
 * same without long-task timers;</li>
 * <li>{@code traced}, {@code traced-all}: what the starter wires with a Brave tracer (Micrometer Tracing's bridge),
 * sampling a tenth of the calls as Boot does by default, or every call: the call's observation and each exchange's
 * on one registry, the tracing handlers and the meter handlers grouped as Boot groups them with a tracer; the spans
 * go nowhere (no exporter), so an exporter's own cost is not in it;</li>
 * <li>several names joined by {@code +}, such as {@code observation+breaker}: their stages together;</li>
 * <li>{@code context}, {@code observation-bare}, {@code observation-meters}, {@code observation-no-ltt}: the
 * observation stage taken apart (the Reactor context plumbing alone; the Observation API with a handler that does
 * nothing; with the meter handler but without the call metrics; everything but the long-task timer);
 * {@code context-write} and {@code context-operators}: the two halves of {@code context} (two context entries
 * alone; four operators that watch the signals alone).</li>
 * </ul>
 */
public final class InterceptorSets {

    /** Every set this build knows. */
    public static final List<String> NAMES = List.of("none", "passthrough", "observation", "full", "full-deadline",
            "deadline", "retry", "breaker", "limiter", "context", "context-write", "context-operators",
            "observation-bare", "observation-meters", "observation-no-ltt", "observation-generic", "resilience",
            "http-observation", "http-observation-no-ltt", "traced", "traced-all");

    /** The set that observes each HTTP exchange ({@code http.client.requests}) and adds no stage. */
    static final String HTTP_OBSERVATION = "http-observation";

    /** {@link #HTTP_OBSERVATION} without long-task timers. */
    static final String HTTP_OBSERVATION_NO_LTT = "http-observation-no-ltt";

    /** The traced sets and the share of calls their tracer samples ({@code traced}: Boot's default). */
    private static final Map<String, Float> TRACED = Map.of("traced", 0.1f, "traced-all", 1.0f);

    // Spans the traced sets' tracer finished, so that a run can show they were made: the exporter's place, counting.
    private static final AtomicLong TRACED_SPANS = new AtomicLong();

    /** The portal name the stages are built for (limiter and breaker names). */
    static final String PORTAL = "bench";

    /** The overall deadline of the {@code full} set: long enough never to fire, so only its bookkeeping counts. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private InterceptorSets() {
    }

    /** Whether the name is a known set, or known sets joined by {@code +}. */
    public static boolean isKnown(String name) {
        return Arrays.stream(name.split("\\+")).allMatch(NAMES::contains);
    }

    /**
     * Adds the named set's interceptors to the builder.
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static CteraPortalBuilder apply(String name, CteraPortalBuilder builder) {
        for (CallInterceptor interceptor : interceptors(name)) {
            builder.interceptor(interceptor);
        }
        List<String> parts = Arrays.asList(name.split("\\+"));
        if (parts.contains(HTTP_OBSERVATION) || parts.contains(HTTP_OBSERVATION_NO_LTT)) {
            builder.httpObservations(httpObservations(parts.contains(HTTP_OBSERVATION)), null);
        }
        for (String part : parts) {
            Float sampled = TRACED.get(part);
            if (sampled != null) {
                traced(sampled, builder);
            }
        }
        return builder;
    }

    /** How many spans the traced sets' tracers have finished in this JVM. */
    public static long tracedSpans() {
        return TRACED_SPANS.get();
    }

    // Boot with a tracer: the tracing handlers first, then every meter handler wrapped so that it records with the
    // span in scope (for exemplars), the call's and the exchanges' observations on the one registry, so that each
    // exchange is a child span of its call and its trace headers go out on the request.
    private static void traced(float sampled, CteraPortalBuilder builder) {
        Tracing tracing = Tracing.newBuilder()
            .localServiceName("bench")
            .sampler(Sampler.create(sampled))
            .propagationFactory(TraceContextPropagation.newFactoryBuilder().build())
            .addSpanHandler(new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    TRACED_SPANS.incrementAndGet();
                    return true;
                }
            })
            .build();
        Tracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()),
                new BraveBaggageManager());
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig()
            .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                    new PropagatingSenderTracingObservationHandler<>(tracer, new BravePropagator(tracing)),
                    new DefaultTracingObservationHandler(tracer)))
            .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                    new TracingAwareMeterObservationHandler<>(new CteraMeterObservationHandler(meters, true), tracer),
                    new TracingAwareMeterObservationHandler<>(new DefaultMeterObservationHandler(meters), tracer)));
        builder.interceptor(new ObservationInterceptor(observations, new DefaultCteraObservationConvention(),
                new MicrometerCallMetrics(meters)));
        builder.httpObservations(observations, null);
    }

    // Each HTTP exchange observed as the starter has it observed in an Actuator application: the kept-meter handler
    // ahead of Micrometer's generic one on a Prometheus registry, Spring's default convention.
    // Without long-task timers, as with management.metrics.observations.ignored-meters=long-task-timer.
    private static ObservationRegistry httpObservations(boolean longTaskTimers) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ObservationRegistry observations = ObservationRegistry.create();
        DefaultMeterObservationHandler generic = longTaskTimers ? new DefaultMeterObservationHandler(meters)
                : new DefaultMeterObservationHandler(meters, DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER);
        observations.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new CteraMeterObservationHandler(meters, longTaskTimers), generic));
        return observations;
    }

    /** The interceptors of the named set. */
    static List<CallInterceptor> interceptors(String name) {
        return switch (name) {
            // Their stages and exchange observations share a registry, so apply(..) builds them.
            case "none", HTTP_OBSERVATION, HTTP_OBSERVATION_NO_LTT, "traced", "traced-all" -> List.of();
            // One empty stage at each position the real stages will take: the cost of the seam alone.
            case "passthrough" -> List.of(new PassThroughInterceptor(CallInterceptor.OBSERVATION_ORDER),
                    new PassThroughInterceptor(CallInterceptor.RETRY_ORDER),
                    new PassThroughInterceptor(CallInterceptor.CIRCUIT_BREAKER_ORDER),
                    new PassThroughInterceptor(CallInterceptor.RATE_LIMITER_ORDER));
            case "observation" -> List.of(observation());
            case "context" -> List.of(new ContextOnlyInterceptor());
            case "context-write" -> List.of(new ContextOnlyInterceptor(true, false));
            case "context-operators" -> List.of(new ContextOnlyInterceptor(false, true));
            case "observation-bare" -> List.of(new ObservationInterceptor(bareObservations(),
                    new DefaultCteraObservationConvention(), CallMetrics.NONE));
            // What an application gets with management.metrics.observations.ignored-meters=long-task-timer.
            case "observation-no-ltt" -> List.of(observation(true, true,
                    DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
            case "observation-meters" -> List.of(observation(false, true));
            case "observation-generic" -> List.of(observation(true, false));
            case "full" -> full(null);
            case "full-deadline" -> full(DEADLINE);
            case "resilience" -> full(null).stream()
                .filter(stage -> !(stage instanceof ObservationInterceptor))
                .toList();
            case "deadline" -> stage(full(DEADLINE), DeadlineInterceptor.class);
            case "retry" -> stage(full(DEADLINE), RetryInterceptor.class);
            case "breaker" -> stage(full(DEADLINE), CircuitBreakerInterceptor.class);
            case "limiter" -> stage(full(DEADLINE), RateLimitInterceptor.class);
            default -> {
                if (name.contains("+")) {
                    yield Arrays.stream(name.split("\\+")).flatMap(part -> interceptors(part).stream()).toList();
                }
                throw new IllegalArgumentException("unknown interceptor set '" + name + "'; known sets are " + NAMES
                        + ", or several joined by '+'");
            }
        };
    }

    /**
     * The observation stage as an Actuator application gets it: an {@link ObservationRegistry} whose observations
     * become timers in a {@link PrometheusMeterRegistry}, the default convention and {@link MicrometerCallMetrics}.
     */
    static ObservationInterceptor observation() {
        return observation(true, true);
    }

    /**
     * The observation stage on a Prometheus registry, with or without the call metrics, leaving out the handler meters
     * named. With {@code keptMeters}, the handlers are grouped as Spring Boot groups meter handlers (the first that
     * supports an observation takes it), the starter's {@link CteraMeterObservationHandler} first; without,
     * Micrometer's generic handler alone.
     */
    private static ObservationInterceptor observation(boolean callMetrics, boolean keptMeters,
            DefaultMeterObservationHandler.IgnoredMeters... ignored) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ObservationRegistry observations = ObservationRegistry.create();
        DefaultMeterObservationHandler generic = new DefaultMeterObservationHandler(meters, ignored);
        boolean longTaskTimers = !List.of(ignored)
            .contains(DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER);
        observations.observationConfig().observationHandler(keptMeters
                ? new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new CteraMeterObservationHandler(meters, longTaskTimers), generic)
                : generic);
        return new ObservationInterceptor(observations, new DefaultCteraObservationConvention(),
                callMetrics ? new MicrometerCallMetrics(meters) : CallMetrics.NONE);
    }
    // An observation registry whose one handler does nothing: the cost of the Observation API and the convention.
    private static ObservationRegistry bareObservations() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler((context) -> true);
        return observations;
    }

    private static List<CallInterceptor> stage(List<CallInterceptor> all, Class<? extends CallInterceptor> type) {
        return all.stream().filter(type::isInstance).toList();
    }

    /**
     * Every stage as the starter builds it from its default settings (three attempts, the default breaker), plus a
     * limiter with the {@code none} strategy and, when given, an overall deadline. The starter leaves the limiter
     * stage out altogether when the strategy is {@code none}; it is added here so its cost is counted.
     */
    static List<CallInterceptor> full(@Nullable Duration deadline) {
        CircuitBreaker breaker = CircuitBreaker.of("ctera-" + PORTAL, CircuitBreakerInterceptor.configBuilder()
            .failureRateThreshold(50f)
            .slidingWindowSize(100)
            .minimumNumberOfCalls(20)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(5)
            .build());
        PortalResilience resilience = new PortalResilience(PORTAL,
                (deadline != null) ? new DeadlineInterceptor(deadline) : null, new RetryInterceptor(RetryPolicy.DEFAULT),
                new CircuitBreakerInterceptor(breaker), null, false);
        List<CallInterceptor> stages = new ArrayList<>(resilience.interceptors());
        stages.add(observation());
        stages.add(RateLimitInterceptor.of(new CallRateLimiter(PORTAL, new NoRateLimit(), Duration.ofSeconds(5))));
        return List.copyOf(stages);
    }
}
