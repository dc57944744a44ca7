package com.ctera.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/** The number of file descriptors this process holds open: sockets and files alike (Linux and other Unix JVMs). */
final class OpenFileCount {

    private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");

    private OpenFileCount() {
    }

    /** Whether this platform can count them; the tests that need a count are skipped where it cannot. */
    static boolean available() {
        return Files.isDirectory(OWN_DESCRIPTORS) || unixBean() != null;
    }

    static long now() {
        if (Files.isDirectory(OWN_DESCRIPTORS)) {
            try (Stream<Path> descriptors = Files.list(OWN_DESCRIPTORS)) {
                // The listing's own descriptor is counted too, the same one each time.
                return descriptors.count();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        com.sun.management.@Nullable UnixOperatingSystemMXBean unix = unixBean();
        if (unix == null) {
            throw new IllegalStateException("This JVM cannot count its open file descriptors");
        }
        return unix.getOpenFileDescriptorCount();
    }

    private static com.sun.management.@Nullable UnixOperatingSystemMXBean unixBean() {
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        return (bean instanceof com.sun.management.UnixOperatingSystemMXBean unix) ? unix : null;
    }
}
