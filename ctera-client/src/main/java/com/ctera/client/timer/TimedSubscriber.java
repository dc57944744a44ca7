package com.ctera.client.timer;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One call under a time limit, as the subscriber between the call and whoever awaits its result: it is itself the
 * entry {@link CallTimer} keeps, and when the limit passes first it cancels the call and fails it with
 * {@link #timedOut()}. The first signal ends the call (a {@code Mono}'s value or error). One object per call where
 * a {@code timeout} operator took a scheduled task, a sink and an error mapping. Internal to the client.
 */
public abstract class TimedSubscriber<T> implements CoreSubscriber<T>, Subscription, Comparable<TimedSubscriber<?>> {

    private static final int ACTIVE = 0;

    private static final int ENDED = 1;

    private static final int EXPIRED = 2;

    private static final int CANCELLED = 3;

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<TimedSubscriber> STATE = AtomicIntegerFieldUpdater
        .newUpdater(TimedSubscriber.class, "state");

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<TimedSubscriber> EXPIRY_SENT = AtomicIntegerFieldUpdater
        .newUpdater(TimedSubscriber.class, "expirySent");

    private final CoreSubscriber<? super T> actual;

    private final CallTimer timer;

    private final long limitNanos;

    // Set by the timer before the call enters its set, which publishes them to the timer's thread.
    long due;

    long order;

    // Set before the timer is given this call, which publishes it to the timer's thread.
    private @Nullable Subscription upstream;

    // Who ends the call: the call's own signal, the limit, or a cancel from downstream; the first wins.
    private volatile int state;

    // The limit may pass on the timer's thread before downstream has its subscription: whichever of the two sees
    // the other's write sends the failure, and only once.
    private volatile boolean downstreamSubscribed;

    private volatile int expirySent;

    /**
     * @param actual who awaits the call's result
     * @param timer watches the call from its subscription
     * @param limitNanos how long the call may take, in nanoseconds of the timer's clock
     */
    protected TimedSubscriber(CoreSubscriber<? super T> actual, CallTimer timer, long limitNanos) {
        this.actual = actual;
        this.timer = timer;
        this.limitNanos = limitNanos;
    }

    /** The failure sent downstream when the limit passes; built only then. */
    protected abstract Throwable timedOut();

    @Override
    public final Context currentContext() {
        return this.actual.currentContext();
    }

    @Override
    public final void onSubscribe(Subscription subscription) {
        if (!Operators.validate(this.upstream, subscription)) {
            return;
        }
        this.upstream = subscription;
        this.timer.watch(this, this.limitNanos);
        this.actual.onSubscribe(this);
        this.downstreamSubscribed = true;
        if (this.state == EXPIRED) {
            sendExpiry();
        }
    }

    @Override
    public final void onNext(T value) {
        if (endedByCall()) {
            this.actual.onNext(value);
        }
        else {
            Operators.onDiscard(value, currentContext());
        }
    }

    @Override
    public final void onError(Throwable error) {
        if (endedByCall()) {
            this.actual.onError(error);
        }
        else {
            Operators.onErrorDropped(error, currentContext());
        }
    }

    @Override
    public final void onComplete() {
        if (endedByCall()) {
            this.actual.onComplete();
        }
    }

    @Override
    public final void request(long n) {
        upstream().request(n);
    }

    @Override
    public final void cancel() {
        if (STATE.compareAndSet(this, ACTIVE, CANCELLED)) {
            this.timer.release(this);
        }
        upstream().cancel();
    }

    /** Called by the timer, which has already let go of this call, once its limit has passed. */
    final void expire() {
        if (STATE.compareAndSet(this, ACTIVE, EXPIRED)) {
            upstream().cancel();
            if (this.downstreamSubscribed) {
                sendExpiry();
            }
        }
    }

    // Ordered by when they come due, then in the order they were watched.
    @Override
    public final int compareTo(TimedSubscriber<?> other) {
        int byDue = Long.compare(this.due, other.due);
        return (byDue != 0) ? byDue : Long.compare(this.order, other.order);
    }

    @Override
    public final boolean equals(@Nullable Object other) {
        return other instanceof TimedSubscriber<?> that && this.order == that.order && this.due == that.due;
    }

    @Override
    public final int hashCode() {
        return Long.hashCode(this.order);
    }

    // Whether the call's own signal goes on: it ended the call, or follows the value that did.
    private boolean endedByCall() {
        int now = this.state;
        if (now == ENDED) {
            return true;
        }
        if (now == ACTIVE && STATE.compareAndSet(this, ACTIVE, ENDED)) {
            this.timer.release(this);
            return true;
        }
        return false;
    }

    private void sendExpiry() {
        if (EXPIRY_SENT.compareAndSet(this, 0, 1)) {
            this.actual.onError(timedOut());
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
