package com.ctera.client.resilience;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import com.ctera.client.CteraDeadlineExceededException;

/**
 * One call under the overall deadline, as the subscriber between the call's inner stages and whoever awaits its
 * result: it is itself the entry {@link DeadlineTimer} keeps, and when the deadline passes first it cancels the call
 * and fails it. One object per call where a deferred timeout with a sink, a finally hook and an error mapping took
 * about 1.5 KB (docs/benchmarks.md).
 */
final class DeadlineSubscriber<T> extends DeadlineTimer.Pending implements CoreSubscriber<T>, Subscription {

    private static final int ACTIVE = 0;

    private static final int ENDED = 1;

    private static final int EXPIRED = 2;

    private static final int CANCELLED = 3;

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> STATE = AtomicIntegerFieldUpdater
        .newUpdater(DeadlineSubscriber.class, "state");

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> EXPIRY_SENT = AtomicIntegerFieldUpdater
        .newUpdater(DeadlineSubscriber.class, "expirySent");

    private final CoreSubscriber<? super T> actual;

    private final DeadlineTimer timer;

    private final String operation;

    private final Duration deadline;

    // Set before the timer is given this call, which publishes it to the timer's thread.
    private @Nullable Subscription upstream;

    // Who ends the call: the call's own signal, the deadline, or a cancel from downstream; the first wins.
    private volatile int state;

    // The deadline may pass on the timer's thread before downstream has its subscription: whichever of the two sees
    // the other's write sends the failure, and only once.
    private volatile boolean downstreamSubscribed;

    private volatile int expirySent;

    DeadlineSubscriber(CoreSubscriber<? super T> actual, DeadlineTimer timer, String operation, Duration deadline) {
        this.actual = actual;
        this.timer = timer;
        this.operation = operation;
        this.deadline = deadline;
    }

    @Override
    public Context currentContext() {
        return this.actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        if (!Operators.validate(this.upstream, subscription)) {
            return;
        }
        this.upstream = subscription;
        this.timer.watch(this);
        this.actual.onSubscribe(this);
        this.downstreamSubscribed = true;
        if (this.state == EXPIRED) {
            sendExpiry();
        }
    }

    @Override
    public void onNext(T value) {
        if (endedByCall()) {
            this.actual.onNext(value);
        }
        else {
            Operators.onDiscard(value, currentContext());
        }
    }

    @Override
    public void onError(Throwable error) {
        if (endedByCall()) {
            this.actual.onError(error);
        }
        else {
            Operators.onErrorDropped(error, currentContext());
        }
    }

    @Override
    public void onComplete() {
        if (endedByCall()) {
            this.actual.onComplete();
        }
    }

    @Override
    public void request(long n) {
        upstream().request(n);
    }

    @Override
    public void cancel() {
        if (STATE.compareAndSet(this, ACTIVE, CANCELLED)) {
            this.timer.release(this);
        }
        upstream().cancel();
    }

    /** Called by the timer, which has already let go of this call, once its deadline has passed. */
    @Override
    void expire() {
        if (STATE.compareAndSet(this, ACTIVE, EXPIRED)) {
            upstream().cancel();
            if (this.downstreamSubscribed) {
                sendExpiry();
            }
        }
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
            String message = this.operation + " failed: no result within the overall deadline of " + this.deadline
                    + " (all attempts included)";
            this.actual.onError(new CteraDeadlineExceededException(this.operation, message, this.deadline,
                    new TimeoutException(message)));
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
