package com.ctera.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the simulator received, per operation name (see {@link CteraPortalSimulator}): every request
 * received (faulted ones included) and those that took effect (reached their handler and answered 2xx).
 * Keeps the arrival times of the most recent {@value #MAX_ARRIVALS} requests of each operation. Thread-safe.
 */
public final class RequestJournal {

    static final int MAX_ARRIVALS = 10_000;

    private final ConcurrentHashMap<String, OperationLog> logs = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    RequestJournal() {
    }

    /** Requests received for the operation, including faulted and rejected ones. */
    public long count(String operation) {
        OperationLog log = this.logs.get(operation);
        return (log != null) ? log.received.sum() : 0;
    }

    /** Requests of the operation that took effect. */
    public long processed(String operation) {
        OperationLog log = this.logs.get(operation);
        return (log != null) ? log.processed.sum() : 0;
    }

    /** Arrival times of the operation's requests, oldest first (the most recent {@value #MAX_ARRIVALS}). */
    public List<Instant> arrivals(String operation) {
        OperationLog log = this.logs.get(operation);
        if (log == null) {
            return List.of();
        }
        synchronized (log.arrivals) {
            return List.copyOf(log.arrivals);
        }
    }

    /** All requests received, every operation together. */
    public long total() {
        return this.total.sum();
    }

    /** Forgets everything counted so far. */
    public void reset() {
        this.logs.clear();
        this.total.reset();
    }

    void received(String operation) {
        OperationLog log = this.logs.computeIfAbsent(operation, key -> new OperationLog());
        log.received.increment();
        this.total.increment();
        Instant now = Instant.now();
        synchronized (log.arrivals) {
            if (log.arrivals.size() == MAX_ARRIVALS) {
                log.arrivals.pollFirst();
            }
            log.arrivals.addLast(now);
        }
    }

    void processed(String operation, boolean tookEffect) {
        if (tookEffect) {
            this.logs.computeIfAbsent(operation, key -> new OperationLog()).processed.increment();
        }
    }

    /** Received and processed counts per operation, sorted by name. */
    Map<String, long[]> snapshot() {
        Map<String, long[]> result = new TreeMap<>();
        this.logs.forEach((operation, log) -> result.put(operation,
                new long[] { log.received.sum(), log.processed.sum() }));
        return result;
    }

    private static final class OperationLog {

        private final LongAdder received = new LongAdder();
        private final LongAdder processed = new LongAdder();
        private final ArrayDeque<Instant> arrivals = new ArrayDeque<>();
    }
}
