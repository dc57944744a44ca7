package com.ctera.simulator;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads and downloads stream through disk: a child JVM whose heap is far smaller than the file moves it both
 * ways and checks the bytes. A simulator that buffered a body in memory would die with OutOfMemoryError.
 */
class StreamingTest {

    /** 256 MiB through a 64 MiB heap (override with -Dsimulator.streaming.bytes for the 1 GiB check). */
    private static final long SIZE = Long.getLong("simulator.streaming.bytes", 256L << 20);

    @Test
    void aLargeFileCrossesASmallHeapBothWays() throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), StreamingProbe.class.getName(), Long.toString(SIZE)))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/streaming-probe.log")))
            .start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the probe finished in time").isTrue();
        assertThat(process.exitValue()).as("probe exit code (see target/streaming-probe.log)").isZero();
    }
}
