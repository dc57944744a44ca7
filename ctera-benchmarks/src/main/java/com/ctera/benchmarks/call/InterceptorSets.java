package com.ctera.benchmarks.call;

import java.util.List;

import com.ctera.client.CteraPortalBuilder;
import com.ctera.client.pipeline.CallInterceptor;

/**
 * The pipeline configurations the call-overhead benchmark compares, by name (its {@code interceptors} parameter).
 * When the observation, retry, circuit breaker and rate limiter stages exist, add a set here (say {@code full}, the
 * limiter set to unlimited) that builds them, and name it in {@link CallOverheadBenchmark#interceptors}.
 */
public final class InterceptorSets {

    /** Every set this build knows. */
    public static final List<String> NAMES = List.of("none", "passthrough");

    private InterceptorSets() {
    }

    /**
     * Adds the named set's interceptors to the builder.
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static CteraPortalBuilder apply(String name, CteraPortalBuilder builder) {
        for (CallInterceptor interceptor : interceptors(name)) {
            builder.interceptor(interceptor);
        }
        return builder;
    }

    /** The interceptors of the named set. */
    static List<CallInterceptor> interceptors(String name) {
        return switch (name) {
            case "none" -> List.of();
            // One empty stage at each position the real stages will take: the cost of the seam alone.
            case "passthrough" -> List.of(new PassThroughInterceptor(CallInterceptor.OBSERVATION_ORDER),
                    new PassThroughInterceptor(CallInterceptor.RETRY_ORDER),
                    new PassThroughInterceptor(CallInterceptor.CIRCUIT_BREAKER_ORDER),
                    new PassThroughInterceptor(CallInterceptor.RATE_LIMITER_ORDER));
            default -> throw new IllegalArgumentException(
                    "unknown interceptor set '" + name + "'; known sets are " + NAMES);
        };
    }
}
