package com.ctera.client.pipeline;

import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Mono;

/** The interceptors of one portal, applied in order around each call. */
public final class CallPipeline {

    private static final CallPipeline EMPTY = new CallPipeline(List.of());

    private final List<CallInterceptor> outermostFirst;

    private CallPipeline(List<CallInterceptor> outermostFirst) {
        this.outermostFirst = outermostFirst;
    }

    /** A pipeline of these interceptors, sorted by {@link CallInterceptor#order()} (stable for equal orders). */
    public static CallPipeline of(List<? extends CallInterceptor> interceptors) {
        if (interceptors.isEmpty()) {
            return EMPTY;
        }
        List<CallInterceptor> sorted = interceptors.stream()
            .sorted(Comparator.comparingInt(CallInterceptor::order))
            .map(CallInterceptor.class::cast)
            .toList();
        return new CallPipeline(sorted);
    }

    /** The interceptors, outermost first. */
    public List<CallInterceptor> interceptors() {
        return this.outermostFirst;
    }

    /** Wraps {@code exchange} (lazy, re-subscribable) in every interceptor. */
    public <T> Mono<T> wrap(CallContext call, Mono<T> exchange) {
        Mono<T> wrapped = exchange;
        for (int i = this.outermostFirst.size() - 1; i >= 0; i--) {
            wrapped = this.outermostFirst.get(i).intercept(call, wrapped);
        }
        return wrapped;
    }
}
