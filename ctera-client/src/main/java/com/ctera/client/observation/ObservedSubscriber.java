package com.ctera.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.util.context.Context;

/**
 * The observation stage's one operator between the caller and the inner stages: it ends the call's observation on the
 * first terminal signal or cancel, before passing the signal on, and lends the inner stages a context that carries
 * the call's recorder and observation. One subscriber does what three peeking operators and a context write did,
 * so every signal of every call passes one hop instead of four.
 */
final class ObservedSubscriber<T> implements CoreSubscriber<T>, Subscription {

    private final CoreSubscriber<? super T> actual;

    private final Context context;

    private final Observation observation;

    private final CteraRequestContext call;

    private final ObservationInterceptor stage;

    private @Nullable Subscription upstream;

    // A Mono signals at most one value; once it came, the call succeeded whatever follows.
    private boolean valued;

    ObservedSubscriber(CoreSubscriber<? super T> actual, Context context, Observation observation,
            CteraRequestContext call, ObservationInterceptor stage) {
        this.actual = actual;
        this.context = context;
        this.observation = observation;
        this.call = call;
        this.stage = stage;
    }

    @Override
    public Context currentContext() {
        return this.context;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.upstream = subscription;
        this.actual.onSubscribe(this);
    }

    @Override
    public void onNext(T value) {
        if (!this.valued) {
            this.valued = true;
            this.call.succeeded();
            this.stage.end(this.observation, this.call);
        }
        this.actual.onNext(value);
    }

    @Override
    public void onError(Throwable error) {
        if (!this.valued) {
            this.call.failed(error);
            this.observation.error(error);
            this.stage.end(this.observation, this.call);
        }
        this.actual.onError(error);
    }

    @Override
    public void onComplete() {
        if (!this.valued) {
            this.call.succeeded();
            this.stage.end(this.observation, this.call);
        }
        this.actual.onComplete();
    }

    @Override
    public void request(long n) {
        upstream().request(n);
    }

    @Override
    public void cancel() {
        // A cancel after the answer is the caller letting go (Mono.block does so); the context tells the two apart.
        this.call.cancelledByCaller();
        this.stage.end(this.observation, this.call);
        upstream().cancel();
    }

    private Subscription upstream() {
        Subscription subscription = this.upstream;
        if (subscription == null) {
            throw new IllegalStateException("request or cancel before onSubscribe");
        }
        return subscription;
    }
}
