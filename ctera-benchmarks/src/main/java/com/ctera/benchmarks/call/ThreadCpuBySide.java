package com.ctera.benchmarks.call;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;

/**
 * The CPU time each Java thread spent in the rounds of each side, by thread name, the callers' pool threads as one:
 * where a side's CPU per call goes (which event loops carry its connections, how much the callers take). It showed
 * that of two typed clients in one JVM the one built first answers on fewer of Reactor Netty's event loops
 * (docs/benchmarks.md, "Where the build order comes from").
 */
final class ThreadCpuBySide {

    private static final String CALLER_POOL_PREFIX = "pool-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private final Map<String, long[]> nanosByName = new TreeMap<>();

    /**
     * Adds one round of {@code side} (0 the client, 1 the baseline): each thread's CPU from {@code start} to
     * {@code end}, in nanoseconds by thread id.
     */
    void add(int side, Map<Long, Long> start, Map<Long, Long> end) {
        for (Map.Entry<Long, Long> thread : end.entrySet()) {
            long spent = thread.getValue() - start.getOrDefault(thread.getKey(), 0L);
            if (spent > 0) {
                this.nanosByName.computeIfAbsent(nameOf(thread.getKey()), (name) -> new long[2])[side] += spent;
            }
        }
    }

    /** Logs each thread's CPU per call of each side, {@code calls} calls per side in all. */
    void log(Logger logger, String sides, long calls) {
        this.nanosByName.forEach((name, nanos) -> logger.info(String.format(Locale.ROOT,
                "%s concurrency 32, CPU per call of thread %s: client %.2f µs, baseline %.2f µs", sides, name,
                nanos[0] / 1e3 / calls, nanos[1] / 1e3 / calls)));
    }

    private String nameOf(long threadId) {
        ThreadInfo info = this.threads.getThreadInfo(threadId);
        if (info == null) {
            return "(ended)";
        }
        String name = info.getThreadName();
        return name.startsWith(CALLER_POOL_PREFIX) ? "callers (all)" : name;
    }
}
