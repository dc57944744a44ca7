package com.ctera.client.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code ctera.client.requests} observations into the same meters as Micrometer's
 * {@code DefaultMeterObservationHandler} (a timer named after the observation, tagged with its low-cardinality keys
 * and {@code error}; a long-task timer {@code <name>.active}; a counter per event), but finds each meter once per
 * tag set instead of on every call. The client's own HTTP exchanges ({@link PortalExchangeContext},
 * {@code http.client.requests}) are kept the same way.
 *
 * <p>Why: the generic handler builds a tag list, a meter id and a registry lookup twice per call, and that was most
 * of the observation's cost in a real call (docs/benchmarks.md, "Call overhead"). Here the tag set read from the
 * context is itself the key of the kept meter. Only the client's contexts are handled; registered ahead of
 * the generic handler in a first-matching group (as Spring Boot groups meter handlers), every other observation
 * still goes to the generic one.
 */
public final class CteraMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

    /** Tag sets kept per meter kind; past this (a convention putting ids in its tags), look meters up each time. */
    static final int MAX_KEPT_TAG_SETS = 1024;

    private static final String NO_ERROR = "none";

    // A start time that says the long-task sample times the call; the monotonic clock never reads it in practice.
    private static final long TIMED_BY_SAMPLE = Long.MIN_VALUE;

    private final MeterRegistry registry;

    private final boolean longTaskTimers;

    private final Clock clock;

    private final KeptMeters calls = new KeptMeters();

    private final KeptMeters exchanges = new KeptMeters();

    /** Records in {@code registry}, with the long-task timer of calls in flight. */
    public CteraMeterObservationHandler(MeterRegistry registry) {
        this(registry, true);
    }

    /**
     * Records in {@code registry}; without {@code longTaskTimers}, as the generic handler does when its long-task
     * timer is among the ignored meters.
     */
    public CteraMeterObservationHandler(MeterRegistry registry, boolean longTaskTimers) {
        this.registry = registry;
        this.longTaskTimers = longTaskTimers;
        this.clock = registry.config().clock();
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof CteraRequestContext || context instanceof PortalExchangeContext;
    }

    // With Micrometer's own long-task timer, its sample is the call's one clock: its start is the timer's, and the
    // duration its stop returns is what the timer records, two clock reads per call fewer. Any other kind (a no-op
    // one for a denied meter, a composite registry's) leaves the timing to the registry's clock, read here.
    @Override
    public void onStart(Observation.Context context) {
        LongTaskTimer active = this.longTaskTimers ? activeTimer(context) : null;
        Object sample = (active != null) ? active.start() : null;
        long startedAt = (active instanceof DefaultLongTaskTimer) ? TIMED_BY_SAMPLE : this.clock.monotonicTime();
        if (context instanceof CteraRequestContext call) {
            call.activeSample(sample);
            call.startedAt(startedAt);
        }
        else if (context instanceof PortalExchangeContext exchange) {
            exchange.activeSample(sample);
            exchange.startedAt(startedAt);
        }
    }

    @Override
    public void onStop(Observation.Context context) {
        Object sample;
        long startedAt;
        if (context instanceof CteraRequestContext call) {
            sample = call.activeSample();
            startedAt = call.startedAt();
        }
        else {
            PortalExchangeContext exchange = (PortalExchangeContext) context;
            sample = exchange.activeSample();
            startedAt = exchange.startedAt();
        }
        long elapsed = (startedAt == TIMED_BY_SAMPLE) ? -1 : this.clock.monotonicTime() - startedAt;
        if (sample instanceof LongTaskTimer.Sample active) {
            long sampled = active.stop();
            if (startedAt == TIMED_BY_SAMPLE) {
                elapsed = sampled;
            }
        }
        timer(context).record(elapsed, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onEvent(Observation.Event event, Observation.Context context) {
        this.registry.counter(context.getName() + "." + event.getName(), tags(context.getLowCardinalityKeyValues()))
            .increment();
    }

    private Timer timer(Observation.Context context) {
        KeyValues keys = context.getLowCardinalityKeyValues();
        Throwable error = context.getError();
        if (error != null) {
            // Failures are the rare path, and the error tag multiplies the tag sets: look them up as the generic
            // handler does.
            List<Tag> tags = tags(keys);
            tags.add(Tag.of("error", error.getClass().getSimpleName()));
            return this.registry.timer(context.getName(), tags);
        }
        KeptMeters kept = keptFor(context);
        Timer timer = kept.timers.get(keys);
        if (timer != null) {
            return timer;
        }
        List<Tag> tags = tags(keys);
        tags.add(Tag.of("error", NO_ERROR));
        return kept.timers.keep(keys, this.registry.timer(context.getName(), tags));
    }

    private LongTaskTimer activeTimer(Observation.Context context) {
        KeyValues keys = context.getLowCardinalityKeyValues();
        KeptMeters kept = keptFor(context);
        LongTaskTimer active = kept.activeTimers.get(keys);
        if (active != null) {
            return active;
        }
        return kept.activeTimers.keep(keys,
                this.registry.more().longTaskTimer(context.getName() + ".active", tags(keys)));
    }

    // Calls and exchanges have meters of different names: each kind keeps its own, so equal tag sets never mix.
    private KeptMeters keptFor(Observation.Context context) {
        return (context instanceof CteraRequestContext) ? this.calls : this.exchanges;
    }

    private static List<Tag> tags(KeyValues keys) {
        List<Tag> tags = new ArrayList<>();
        for (KeyValue key : keys) {
            tags.add(Tag.of(key.getKey(), key.getValue()));
        }
        return tags;
    }

    /** The number of tag sets whose meters are kept, for tests. */
    int keptTagSets() {
        return this.calls.size() + this.exchanges.size();
    }

    @Override
    public String toString() {
        return "CteraMeterObservationHandler[" + (this.longTaskTimers ? "with" : "without") + " long-task timers]";
    }

    /** The meters of one kind of observation, by tag set. */
    private static final class KeptMeters {

        private final MetersByTags<Timer> timers = new MetersByTags<>();

        private final MetersByTags<LongTaskTimer> activeTimers = new MetersByTags<>();

        int size() {
            return this.timers.size() + this.activeTimers.size();
        }
    }

    /**
     * Meters of one kind by tag set. A convention that keeps its answers (as the default one does) hands the same
     * tag set object to every call of an operation, so a small table by identity answers first: one identity hash and
     * one comparison, where the map hashes every key and value of the set on each call.
     */
    private static final class MetersByTags<M> {

        private static final int SLOTS = 128;

        private final Map<KeyValues, M> byTags = new ConcurrentHashMap<>();

        // Slots of immutable pairs, each filled once by the first kept set that lands in it (a convention that builds
        // a new set for every call then costs no more than before), written without locking: a reader sees a whole
        // pair or none.
        private final Object[] byIdentity = new Object[SLOTS];

        @SuppressWarnings("unchecked")
        @Nullable M get(KeyValues keys) {
            int slot = System.identityHashCode(keys) & (SLOTS - 1);
            Object seen = this.byIdentity[slot];
            if (seen instanceof Kept<?> kept && kept.keys() == keys) {
                return (M) kept.meter();
            }
            M meter = this.byTags.get(keys);
            if (meter != null && seen == null) {
                this.byIdentity[slot] = new Kept<>(keys, meter);
            }
            return meter;
        }

        M keep(KeyValues keys, M meter) {
            if (this.byTags.size() < MAX_KEPT_TAG_SETS) {
                this.byTags.putIfAbsent(keys, meter);
            }
            return meter;
        }

        int size() {
            return this.byTags.size();
        }
    }

    private record Kept<M>(KeyValues keys, M meter) {
    }
}
