package com.ctera.client.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;

import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallInterceptor;

/**
 * A Resilience4j circuit breaker around every attempt of a portal's calls. Only failures that say the portal is
 * unwell count ({@link Failures#isPortalFailure}); a missing user or a bad request does not. While open, calls fail
 * at once with {@link CteraCircuitOpenException}, which the retry stage does not repeat.
 */
public final class CircuitBreakerInterceptor implements CallInterceptor {

    private final CircuitBreaker breaker;

    public CircuitBreakerInterceptor(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    /**
     * A config builder with this client's failure classification applied; the caller adds window, threshold and
     * wait settings.
     */
    public static CircuitBreakerConfig.Builder configBuilder() {
        return CircuitBreakerConfig.custom().recordException(Failures::isPortalFailure);
    }

    /** The breaker, for its state and metrics. */
    public CircuitBreaker breaker() {
        return this.breaker;
    }

    @Override
    public int order() {
        return CIRCUIT_BREAKER_ORDER;
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        return next.transformDeferred(CircuitBreakerOperator.of(this.breaker))
            .onErrorMap(CallNotPermittedException.class, refused -> new CteraCircuitOpenException(
                    call.operation().name(), call.operation().name() + " refused: the circuit breaker of portal '"
                            + call.portalName() + "' is " + this.breaker.getState() + " after repeated failures",
                    refused));
    }
}
