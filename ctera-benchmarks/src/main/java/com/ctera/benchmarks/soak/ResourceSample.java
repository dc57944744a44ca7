package com.ctera.benchmarks.soak;

/**
 * The process's resources at one moment of a soak.
 * @param elapsedMillis since the measured part began
 * @param callsEnded calls that had ended by then
 * @param heapBytes heap in use just after a collection
 * @param threads live threads
 * @param connectionsInUse pooled connections lent out by the soak's portals
 * @param openFiles file descriptors the process holds (sockets and files), -1 where the platform cannot count them
 */
public record ResourceSample(long elapsedMillis, long callsEnded, long heapBytes, int threads, int connectionsInUse,
        long openFiles) {
}
