package com.ctera.benchmarks.call;

import reactor.core.publisher.Mono;

import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallInterceptor;

/**
 * A stage shaped like the observation stage without the observation: it reads the subscriber's context, adds two
 * entries to it and watches the three end signals, so a benchmark can tell the Reactor plumbing from Micrometer.
 */
public final class ContextOnlyInterceptor implements CallInterceptor {

    @Override
    public int order() {
        return OBSERVATION_ORDER;
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        return Mono.deferContextual((outer) -> {
            Object marker = new Object();
            return next.doOnSuccess((value) -> marker.hashCode())
                .doOnError((error) -> marker.hashCode())
                .doOnCancel(marker::hashCode)
                .contextWrite((inner) -> inner.put("first", marker).put("second", marker));
        });
    }
}
