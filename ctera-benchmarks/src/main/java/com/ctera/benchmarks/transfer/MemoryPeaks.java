package com.ctera.benchmarks.transfer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peaks of this JVM's memory since the last {@link #reset()}: heap in use (all heap pools, garbage included) and
 * resident set size ({@code VmHWM} in {@code /proc/self/status}, reset through {@code /proc/self/clear_refs} where
 * the kernel allows it).
 */
final class MemoryPeaks {

    private static final Path STATUS = Path.of("/proc/self/status");

    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans()
        .stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .toList();

    private boolean rssResettable = true;

    /** Starts a new measurement: heap pool peaks, and the RSS high-water mark where possible. */
    void reset() {
        this.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        if (this.rssResettable) {
            try {
                // "5" resets the peak RSS to the current RSS (Linux 4.0 and later).
                Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            }
            catch (IOException | UnsupportedOperationException ex) {
                this.rssResettable = false;
            }
        }
    }

    /** Whether the RSS peak restarts at each reset, or is the peak since the JVM started. */
    boolean rssResettable() {
        return this.rssResettable;
    }

    /** The heap pools' peak use since the reset, summed (an upper bound of the heap's peak). */
    long peakHeapBytes() {
        return this.heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The peak resident set size, in bytes, or -1 where {@code /proc} does not tell it. */
    long peakRssBytes() {
        return statusKilobytes(STATUS, "VmHWM:") * 1024;
    }

    /** The current resident set size of another process, in bytes, or -1 where {@code /proc} does not tell it. */
    static long peakRssBytes(long pid) {
        long kilobytes = statusKilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmHWM:");
        return (kilobytes < 0) ? -1 : kilobytes * 1024;
    }

    private static long statusKilobytes(Path status, String key) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        }
        catch (IOException | NumberFormatException ex) {
            return -1;
        }
        return -1;
    }
}
