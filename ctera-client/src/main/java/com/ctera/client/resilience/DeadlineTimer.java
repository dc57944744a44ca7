package com.ctera.client.resilience;

import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
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

    /** Starts watching one call: {@link Pending#expire} is called when its deadline passes, unless released first. */
    void watch(Pending call) {
        call.due = now() + this.deadlineNanos;
        call.order = this.sequence.getAndIncrement();
        this.pending.add(call);
        armForEarliest();
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
                earliest.expire();
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

    /**
     * One watched call: when it is due, in the order calls were watched. The call itself extends it
     * ({@link DeadlineSubscriber}), so watching one costs no object of its own.
     */
    abstract static class Pending implements Comparable<Pending> {

        // Set by watch before the call enters the set, which publishes them to the timer's thread.
        private long due;

        private long order;

        /** The deadline has passed and the call is no longer watched. */
        abstract void expire();

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
