package com.ctera.benchmarks.call;

import reactor.core.publisher.Mono;

import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallInterceptor;

/**
 * A stage shaped like the observation stage without the observation: it reads the subscriber's context, adds two
 * entries to it and watches the three end signals, so a benchmark can tell the Reactor plumbing from Micrometer. Either
 * half can be left out: the context write alone, or the four operators alone.
 */
public final class ContextOnlyInterceptor implements CallInterceptor {

    private final boolean writesContext;

    private final boolean watchesSignals;

    /** Both halves: the context write and the operators that watch the signals. */
    public ContextOnlyInterceptor() {
        this(true, true);
    }

    ContextOnlyInterceptor(boolean writesContext, boolean watchesSignals) {
        this.writesContext = writesContext;
        this.watchesSignals = watchesSignals;
    }

    @Override
    public int order() {
        return OBSERVATION_ORDER;
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        if (!this.watchesSignals) {
            Object marker = new Object();
            return next.contextWrite((inner) -> inner.put("first", marker).put("second", marker));
        }
        return Mono.deferContextual((outer) -> {
            Object marker = new Object();
            Mono<T> watched = next.doOnSuccess((value) -> marker.hashCode())
                .doOnError((error) -> marker.hashCode())
                .doOnCancel(marker::hashCode);
            return this.writesContext
                    ? watched.contextWrite((inner) -> inner.put("first", marker).put("second", marker))
                    : watched;
        });
    }
}
