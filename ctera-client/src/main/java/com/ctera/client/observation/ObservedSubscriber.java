package com.ctera.client.observation;

import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.util.context.Context;

import com.ctera.client.pipeline.CallEvents;

/**
 * The observation stage's one operator between the caller and the inner stages: it ends the call's observation on the
 * first terminal signal or cancel, before passing the signal on, and lends the inner stages a context that carries
 * the call's observation and itself, the watcher the inner stages report retries, limiter waits, logins and bytes to.
 * One subscriber does what three peeking operators, a context write and a separate watcher did, so every signal of
 * every call passes one hop instead of four, and a call makes one object fewer.
 */
final class ObservedSubscriber<T> implements CoreSubscriber<T>, Subscription, CallEvents {

    private final CoreSubscriber<? super T> actual;

    private final Context context;

    private final Observation observation;

    private final CteraRequestContext call;

    private final ObservationInterceptor stage;

    private @Nullable Subscription upstream;

    // A Mono signals at most one value; once it came, the call succeeded whatever follows.
    private boolean valued;

    ObservedSubscriber(CoreSubscriber<? super T> actual, Context outer, Observation observation,
            CteraRequestContext call, ObservationInterceptor stage) {
        this.actual = actual;
        // A blocking caller's context is empty: one context of two entries instead of two contexts built in turn.
        this.context = outer.isEmpty()
                ? Context.of(CallEvents.CONTEXT_KEY, this, ObservationThreadLocalAccessor.KEY, observation)
                : outer.put(CallEvents.CONTEXT_KEY, this).put(ObservationThreadLocalAccessor.KEY, observation);
        this.observation = observation;
        this.call = call;
        this.stage = stage;
    }

    @Override
    public void retrying(int attempt, Throwable cause, Duration backoff) {
        this.call.retried();
    }

    @Override
    public void rateLimited(Duration waited) {
        this.call.rateLimited(waited);
        this.stage.metrics().rateLimited(this.call, waited);
    }

    @Override
    public void loggedIn(boolean renewal) {
        this.call.loggedIn();
        this.stage.metrics().loggedIn(this.call, renewal);
    }

    @Override
    public void transferred(long bytesSent, long bytesReceived) {
        this.call.transferred(bytesSent, bytesReceived);
        this.stage.metrics().transferred(this.call, bytesSent, bytesReceived);
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
