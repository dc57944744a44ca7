package com.ctera.benchmarks.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/** Reads the resources a soak watches: heap after a collection, live threads, connections lent out, open files. */
final class ResourceProbe {

    private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final IntSupplier connectionsInUse;

    ResourceProbe(IntSupplier connectionsInUse) {
        this.connectionsInUse = connectionsInUse;
    }

    ResourceSample sample(long elapsedMillis, long callsEnded) {
        this.memory.gc();
        return new ResourceSample(elapsedMillis, callsEnded, this.memory.getHeapMemoryUsage().getUsed(),
                this.threads.getThreadCount(), this.connectionsInUse.getAsInt(), openFiles());
    }

    /** Open file descriptors from {@code /proc/self/fd}, else the Unix bean, else -1. */
    static long openFiles() {
        if (Files.isDirectory(OWN_DESCRIPTORS)) {
            try (Stream<Path> descriptors = Files.list(OWN_DESCRIPTORS)) {
                return descriptors.count();
            }
            catch (IOException ex) {
                return -1;
            }
        }
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        return (bean instanceof com.sun.management.UnixOperatingSystemMXBean unix)
                ? unix.getOpenFileDescriptorCount() : -1;
    }
}
