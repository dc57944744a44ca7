package com.ctera.simulator;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The faults the simulator injects: rules consumed by matching requests in the order they were injected, and an
 * optional request-rate ceiling. Thread-safe.
 */
public final class FaultInjector {

    private final CopyOnWriteArrayList<ArmedRule> rules = new CopyOnWriteArrayList<>();
    private final RateCeiling ceiling = new RateCeiling();

    FaultInjector() {
    }

    /** Arms a rule; it applies to the next {@code times} matching requests. */
    public void inject(FaultRule rule) {
        Objects.requireNonNull(rule, "rule");
        this.rules.add(new ArmedRule(rule, new AtomicInteger(rule.timesValue())));
    }

    /**
     * Answers 429 with {@code Retry-After: 1} to requests above this rate, counted over a sliding one-second window
     * across all operations; zero or negative turns the ceiling off.
     */
    public void requestRateCeiling(double requestsPerSecond) {
        this.ceiling.set(requestsPerSecond);
    }

    /** Removes every rule and the rate ceiling. */
    public void clear() {
        this.rules.clear();
        this.ceiling.set(0);
    }

    /** Consumes one use of the first armed rule that matches, if any. */
    @Nullable FaultRule take(String operation, String path) {
        for (Iterator<ArmedRule> it = this.rules.iterator(); it.hasNext();) {
            ArmedRule armed = it.next();
            if (armed.rule().matches(operation, path)) {
                int left = armed.remaining().getAndDecrement();
                if (left <= 1) {
                    this.rules.remove(armed);
                }
                if (left >= 1) {
                    return armed.rule();
                }
            }
        }
        return null;
    }

    /** Whether a request may proceed under the rate ceiling (and counts it if so). */
    boolean admit() {
        return this.ceiling.tryAdmit(System.nanoTime());
    }

    private record ArmedRule(FaultRule rule, AtomicInteger remaining) {
    }
}
