package com.ctera.benchmarks.call;

import reactor.core.publisher.Mono;

import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallInterceptor;

/** A pipeline stage that does nothing, so a benchmark can price the interceptor seam itself. */
public final class PassThroughInterceptor implements CallInterceptor {

    private final int order;

    /** A stage at the given pipeline position. */
    public PassThroughInterceptor(int order) {
        this.order = order;
    }

    @Override
    public int order() {
        return this.order;
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        return next;
    }
}
