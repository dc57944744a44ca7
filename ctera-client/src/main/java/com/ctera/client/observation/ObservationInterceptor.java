package com.ctera.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallInterceptor;

/**
 * The outermost pipeline stage: one {@code ctera.client.requests} {@link Observation} per logical call, spanning every
 * attempt, login and limiter wait. The observation is the parent of whatever the inner stages observe (with an
 * instrumented {@code WebClient.Builder}, one HTTP client span per attempt), and inner stages report to it through
 * {@link com.ctera.client.pipeline.CallEvents}.
 */
public final class ObservationInterceptor implements CallInterceptor {

    private static final CteraObservationConvention DEFAULT_CONVENTION = new DefaultCteraObservationConvention();

    private final ObservationRegistry registry;

    private final @Nullable CteraObservationConvention convention;

    private final CallMetrics metrics;

    /** Observes calls in {@code registry} with the default convention and no extra meters. */
    public ObservationInterceptor(ObservationRegistry registry) {
        this(registry, null, CallMetrics.NONE);
    }

    /**
     * @param registry where observations go
     * @param convention the naming to use, or null for {@link DefaultCteraObservationConvention} (a convention
     * registered globally in the registry still takes precedence over both)
     * @param metrics where retries, limiter waits, bytes and logins go
     */
    public ObservationInterceptor(ObservationRegistry registry, @Nullable CteraObservationConvention convention,
            CallMetrics metrics) {
        this.registry = registry;
        this.convention = convention;
        this.metrics = metrics;
    }

    @Override
    public int order() {
        return OBSERVATION_ORDER;
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        if (this.registry.isNoop()) {
            return next;
        }
        return new ObservedCall<>(next, call, this);
    }

    /** Starts one call's observation for a subscriber of the call, and wraps the subscriber to end it. */
    <T> CoreSubscriber<T> observe(CallContext call, CoreSubscriber<? super T> actual) {
        Context outer = actual.currentContext();
        CteraRequestContext context = new CteraRequestContext(call);
        Observation observation = CteraObservationDocumentation.REQUESTS.observation(this.convention,
                DEFAULT_CONVENTION, () -> context, this.registry);
        // Creating the observation made the thread's current one (a blocking caller's, if any) its parent; an
        // observation in the subscriber's context (a reactive caller's) takes precedence.
        Observation parent = outer.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (parent != null) {
            observation.parentObservation(parent);
        }
        observation.start();
        return new ObservedSubscriber<>(actual, outer, observation, context, this);
    }

    CallMetrics metrics() {
        return this.metrics;
    }

    // Ends before the signal travels on: a blocking caller that wakes up on it finds the call recorded.
    void end(Observation observation, CteraRequestContext context) {
        if (context.markEnded()) {
            observation.stop();
            this.metrics.completed(context);
        }
    }

    @Override
    public String toString() {
        return "ObservationInterceptor[" + ((this.convention != null) ? this.convention.getName()
                : DefaultCteraObservationConvention.NAME) + "]";
    }
}
