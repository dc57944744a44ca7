package com.ctera.client.pipeline;

import reactor.core.publisher.Mono;

/**
 * One stage of the call pipeline. {@code next} is the rest of the pipeline down to the HTTP exchange; it is lazy and
 * may be subscribed again (that is how a retry repeats a call). Interceptors run in {@link #order()} order, lowest
 * outermost.
 */
public interface CallInterceptor {

    /** Order of the observation stage: outermost, so one observation spans every attempt. */
    int OBSERVATION_ORDER = 100;

    /** Order of the retry stage. */
    int RETRY_ORDER = 200;

    /** Order of the circuit breaker stage: inside retry, so every attempt is counted. */
    int CIRCUIT_BREAKER_ORDER = 300;

    /** Order of the rate limiter stage: innermost, one permit per attempt. */
    int RATE_LIMITER_ORDER = 400;

    /** Position in the pipeline; lower runs outside higher. */
    int order();

    /** Wraps the rest of the pipeline for one call. */
    <T> Mono<T> intercept(CallContext call, Mono<T> next);
}
