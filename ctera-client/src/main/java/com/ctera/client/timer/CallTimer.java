package com.ctera.client.timer;

import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * The time limits of the calls in flight, watched by one timer task instead of one per call. Scheduling a task per
 * call woke a timer thread on every call, which cost more latency than the rest of the pipeline together
 * (docs/benchmarks.md, "The whole pipeline"). Calls mostly share one limit, so they come due in about the order they
 * start: the timer is armed for the earliest one and moved on when it fires; a call with a shorter limit re-arms it.
 * A call that ends leaves the set at once, so it holds only calls in flight. Internal to the client.
 */
public final class CallTimer {

    private static final long NOT_ARMED = Long.MAX_VALUE;

    private final Supplier<Scheduler> timer;

    private final LongSupplier nanoClock;

    private final ConcurrentSkipListSet<TimedSubscriber<?>> pending = new ConcurrentSkipListSet<>();

    private final AtomicLong sequence = new AtomicLong();

    /** When, on the timer's clock, the earliest armed task fires; {@link #NOT_ARMED} when none is. */
    private final AtomicLong armedFor = new AtomicLong(NOT_ARMED);

    /**
     * @param timer runs the timer task; asked for it only when a task is first scheduled, so a client that makes no
     * call starts no scheduler
     * @param nanoClock the time limits are measured in, in nanoseconds: monotonic in production, the scheduler's
     * virtual clock in tests
     */
    public CallTimer(Supplier<Scheduler> timer, LongSupplier nanoClock) {
        this.timer = timer;
        this.nanoClock = nanoClock;
    }

    /** Starts watching one call: {@link TimedSubscriber#expire} is called once its limit passes, unless released. */
    void watch(TimedSubscriber<?> call, long limitNanos) {
        call.due = now() + limitNanos;
        call.order = this.sequence.getAndIncrement();
        this.pending.add(call);
        armForEarliest();
    }

    /** Stops watching a call that ended. */
    void release(TimedSubscriber<?> call) {
        this.pending.remove(call);
    }

    /** Calls watched now. */
    public int inFlight() {
        return this.pending.size();
    }

    private void armForEarliest() {
        TimedSubscriber<?> earliest = first();
        if (earliest == null) {
            return;
        }
        long armed;
        while ((armed = this.armedFor.get()) > earliest.due) {
            if (this.armedFor.compareAndSet(armed, earliest.due)) {
                long due = earliest.due;
                this.timer.get().schedule(() -> fire(due), Math.max(0, due - now()), TimeUnit.NANOSECONDS);
                return;
            }
        }
    }

    private void fire(long armedTime) {
        this.armedFor.compareAndSet(armedTime, NOT_ARMED);
        long now = now();
        TimedSubscriber<?> earliest;
        while ((earliest = first()) != null && earliest.due <= now) {
            if (this.pending.remove(earliest)) {
                earliest.expire();
            }
        }
        armForEarliest();
    }

    private @Nullable TimedSubscriber<?> first() {
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
}
