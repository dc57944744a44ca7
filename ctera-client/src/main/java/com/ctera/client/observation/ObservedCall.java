package com.ctera.client.observation;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import com.ctera.client.pipeline.CallContext;

/** One observed call: each subscription starts its own observation, as each is a call of its own. */
final class ObservedCall<T> extends Mono<T> {

    private final Mono<T> source;

    private final CallContext call;

    private final ObservationInterceptor stage;

    ObservedCall(Mono<T> source, CallContext call, ObservationInterceptor stage) {
        this.source = source;
        this.call = call;
        this.stage = stage;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        this.source.subscribe(this.stage.observe(this.call, actual));
    }
}
