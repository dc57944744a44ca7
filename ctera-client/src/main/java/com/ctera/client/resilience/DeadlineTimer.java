package com.ctera.client.resilience;

import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The deadlines of the calls in flight, watched by one timer task instead of one per call. Scheduling a task per
 * call woke a timer thread on every call, which cost more latency than the rest of the pipeline together
 * (docs/benchmarks.md, "The whole pipeline"). Every call has the same deadline, so the deadlines come due in about
 * the order the calls start: the timer is armed for the earliest one and moved on when it fires. A call that ends
 * leaves the set at once, so it holds only calls in flight.
 */
final class DeadlineTimer {

    private static final long NOT_ARMED = Long.MAX_VALUE;

    private final long deadlineNanos;

    private final Scheduler timer;

    private final LongSupplier nanoClock;

    private final ConcurrentSkipListSet<Pending> pending = new ConcurrentSkipListSet<>();

    private final AtomicLong sequence = new AtomicLong();

    /** When, on the timer's clock, the earliest armed task fires; {@link #NOT_ARMED} when none is. */
    private final AtomicLong armedFor = new AtomicLong(NOT_ARMED);

    /**
     * @param timer runs the timer task
     * @param nanoClock the time deadlines are measured in, in nanoseconds: monotonic in production, the scheduler's
     * virtual clock in tests
     */
    DeadlineTimer(long deadlineNanos, Scheduler timer, LongSupplier nanoClock) {
        this.deadlineNanos = deadlineNanos;
        this.timer = timer;
        this.nanoClock = nanoClock;
    }

    /** Starts watching one call; the result emits when its deadline passes. */
    Pending watch() {
        Pending call = new Pending(now() + this.deadlineNanos, this.sequence.getAndIncrement());
        this.pending.add(call);
        armForEarliest();
        return call;
    }

    /** Stops watching a call that ended. */
    void release(Pending call) {
        this.pending.remove(call);
    }

    /** Calls watched now. */
    int inFlight() {
        return this.pending.size();
    }

    private void armForEarliest() {
        Pending earliest = first();
        if (earliest == null) {
            return;
        }
        long armed;
        while ((armed = this.armedFor.get()) > earliest.due) {
            if (this.armedFor.compareAndSet(armed, earliest.due)) {
                long due = earliest.due;
                this.timer.schedule(() -> fire(due), Math.max(0, due - now()), TimeUnit.NANOSECONDS);
                return;
            }
        }
    }

    private void fire(long armedTime) {
        this.armedFor.compareAndSet(armedTime, NOT_ARMED);
        long now = now();
        Pending earliest;
        while ((earliest = first()) != null && earliest.due <= now) {
            if (this.pending.remove(earliest)) {
                earliest.expired.tryEmitValue(Boolean.TRUE);
            }
        }
        armForEarliest();
    }

    private @Nullable Pending first() {
        try {
            return this.pending.isEmpty() ? null : this.pending.first();
        }
        catch (NoSuchElementException emptied) {
            return null;
        }
    }

    private long now() {
        return this.nanoClock.getAsLong();
    }

    /** One watched call: when it is due, and the signal that it is overdue. */
    static final class Pending implements Comparable<Pending> {

        private final long due;

        private final long order;

        private final Sinks.One<Boolean> expired = Sinks.one();

        Pending(long due, long order) {
            this.due = due;
            this.order = order;
        }

        /** Emits once the deadline has passed; never, if the call ends first. */
        Mono<Boolean> expired() {
            return this.expired.asMono();
        }

        @Override
        public int compareTo(Pending other) {
            int byDue = Long.compare(this.due, other.due);
            return (byDue != 0) ? byDue : Long.compare(this.order, other.order);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Pending that && this.order == that.order && this.due == that.due;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(this.order);
        }
    }
}
