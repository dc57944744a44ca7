package com.ctera.client.transport;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.util.context.Context;

import com.ctera.client.observation.PortalExchangeContext;

/**
 * The subscriber between an observed exchange and whoever awaits its answer: it ends the exchange's
 * {@code http.client.requests} observation on the first signal that ends the exchange, before passing the signal
 * on, so that the exchange ends inside the call that sent it. One operator where a deferred context read, an error
 * peek and a finally hook were three.
 */
final class ObservedExchange<T> implements CoreSubscriber<T>, Subscription {

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<ObservedExchange> ENDED = AtomicIntegerFieldUpdater
        .newUpdater(ObservedExchange.class, "ended");

    private final CoreSubscriber<? super T> actual;

    private final Observation observation;

    private final PortalExchangeContext context;

    private @Nullable Subscription upstream;

    // A cancel (a caller's timeout) may race the answer on another thread: only the first ends the observation.
    private volatile int ended;

    /** Ends {@code observation}, already started, for the exchange {@code context} describes. */
    ObservedExchange(CoreSubscriber<? super T> actual, Observation observation, PortalExchangeContext context) {
        this.actual = actual;
        this.observation = observation;
        this.context = context;
    }

    @Override
    public Context currentContext() {
        return this.actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.upstream = subscription;
        this.actual.onSubscribe(this);
    }

    @Override
    public void onNext(T value) {
        end(null);
        this.actual.onNext(value);
    }

    @Override
    public void onError(Throwable error) {
        end(error);
        this.actual.onError(error);
    }

    @Override
    public void onComplete() {
        end(null);
        this.actual.onComplete();
    }

    @Override
    public void request(long n) {
        upstream().request(n);
    }

    @Override
    public void cancel() {
        end(null);
        upstream().cancel();
    }

    private void end(@Nullable Throwable error) {
        if (ENDED.compareAndSet(this, 0, 1)) {
            // As with WebClient, an answer that arrived is the exchange's outcome, whatever the client makes of it.
            if (error != null && this.context.getResponse() == null) {
                this.observation.error(error);
            }
            this.observation.stop();
        }
    }

    private Subscription upstream() {
        Subscription subscription = this.upstream;
        if (subscription == null) {
            throw new IllegalStateException("request or cancel before onSubscribe");
        }
        return subscription;
    }
}
