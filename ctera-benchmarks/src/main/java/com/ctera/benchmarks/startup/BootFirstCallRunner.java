package com.ctera.benchmarks.startup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.benchmarks.transfer.ChildSimulator;
import com.ctera.simulator.SimulatorOptions;

/**
 * Times a Spring Boot application's first portal answer in a fresh JVM per sample: the smallest application with the
 * starter and two portals, the {@code ctera} health checked once ({@link BootFirstCallProbe}), against the same
 * application without the starter as the same-run baseline, the two started alternately. The simulator runs in a
 * JVM of its own, so neither side pays for it. The figure is the starter's time to its first portal answer (context
 * refresh plus the first portal's health check, which logs in) minus the baseline's time to a refreshed context.
 *
 * <p>Arguments: {@code [samples]}, default 11. System properties as {@link FirstCallRunner}'s:
 * {@code ctera.bench.jvm-options} for both measured JVMs, {@code ctera.bench.java} for their launcher; and
 * {@code ctera.bench.url}, a simulator already running ({@code SimulatorMain}, default administrator password)
 * instead of one started by the runner, for a machine so loaded that a new one takes more than a minute to answer;
 * {@code ctera.bench.aot-cache-dir} (Java 25 and later), a directory where each side's probe trains an AOT cache of
 * its own in one unmeasured run (kept for later runs: delete it after rebuilding the jar) and then starts from it.
 */
public final class BootFirstCallRunner {

    private static final Logger logger = LoggerFactory.getLogger(BootFirstCallRunner.class);

    /** What the probe prints, in its order. */
    private static final List<String> PHASES = List.of("refresh", "first answer", "health, both", "close",
            "probe CPU");

    /** The bound on what the starter adds to the first portal answer. */
    private static final long TARGET_NANOS = 300_000_000L;

    private BootFirstCallRunner() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int samples = RunnerArguments.wholeNumber(args, 0, "samples", 1, 11);
        String java = FirstCallRunner.javaLauncher();
        String options = FirstCallRunner.jvmOptions();
        long[][] starter = new long[1 + PHASES.size()][samples];
        long[][] without = new long[1 + PHASES.size()][samples];
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String given = System.getProperty("ctera.bench.url");
        try (ChildSimulator simulator = (given != null) ? null
                : ChildSimulator.start(Files.createTempDirectory("boot-first-call"), "256m")) {
            String url = (simulator != null) ? simulator.baseUrl().toString() : given;
            String password = SimulatorOptions.DEFAULT_ADMIN_PASSWORD;
            List<String> withStarter = probe(java, cached(java, options, url, password, "starter"), url, "starter");
            List<String> baseline = probe(java, cached(java, options, url, password, "without"), url, "without");
            // One unmeasured pair first: the file cache and the simulator's own first answers.
            FirstCallRunner.run(baseline, password, PHASES.size());
            FirstCallRunner.run(withStarter, password, PHASES.size());
            for (int sample = 0; sample < samples; sample++) {
                boolean starterFirst = (sample % 2) == 0;
                long[] measured = starterFirst ? FirstCallRunner.run(withStarter, password, PHASES.size()) : null;
                long[] base = FirstCallRunner.run(baseline, password, PHASES.size());
                if (!starterFirst) {
                    measured = FirstCallRunner.run(withStarter, password, PHASES.size());
                }
                for (int field = 0; field < measured.length; field++) {
                    starter[field][sample] = measured[field];
                    without[field][sample] = base[field];
                }
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report(samples, options, starter, without, loadBefore, loadAfter);
    }

    // With ctera.bench.aot-cache-dir (Java 25 and later), each side gets an AOT cache of its own, trained by one run
    // of its own probe: one cache for both would make the baseline map classes it never uses.
    private static String cached(String java, String options, String url, String password, String mode)
            throws IOException, InterruptedException {
        String directory = System.getProperty("ctera.bench.aot-cache-dir");
        if (directory == null) {
            return options;
        }
        Path cache = Path.of(directory, mode + ".aot");
        if (!Files.exists(cache)) {
            Files.createDirectories(cache.getParent());
            FirstCallRunner.run(probe(java, (options + " -XX:AOTCacheOutput=" + cache).trim(), url, mode), password,
                    PHASES.size());
            if (!Files.exists(cache)) {
                throw new IllegalStateException("the training run wrote no AOT cache at " + cache
                        + "; -XX:AOTCacheOutput needs Java 25 or later");
            }
        }
        return (options + " -XX:AOTCache=" + cache).trim();
    }

    private static List<String> probe(String java, String options, String url, String mode) {
        return FirstCallRunner.javaCommand(java, options, BootFirstCallProbe.class, url, "admin", mode);
    }

    private static void report(int samples, String options, long[][] starter, long[][] without, double loadBefore,
            double loadAfter) {
        logger.info("Spring Boot, first portal answer in a fresh JVM: {} samples, JVM options [{}], load average {} "
                + "before, {} after", samples, options, String.format(Locale.ROOT, "%.1f", loadBefore),
                String.format(Locale.ROOT, "%.1f", loadAfter));
        long baseRefresh = FirstCallRunner.median(without[1]);
        String baseName = "refresh without the starter";
        logger.info("without the starter:");
        logger.info(FirstCallRunner.line("refresh", without[1], baseRefresh, baseName));
        logger.info(FirstCallRunner.line("probe CPU", without[5], baseRefresh, baseName));
        logger.info(FirstCallRunner.line("whole process", without[0], baseRefresh, baseName));
        logger.info("with the starter and {} portals:", BootFirstCallProbe.PORTALS);
        for (int phase = 0; phase < PHASES.size(); phase++) {
            logger.info(FirstCallRunner.line(PHASES.get(phase), starter[phase + 1], baseRefresh, baseName));
        }
        logger.info(FirstCallRunner.line("whole process", starter[0], baseRefresh, baseName));
        // Per sample, the starter's first answer against the baseline's refresh in the same pair.
        long[] added = new long[samples];
        long[] refreshAdded = new long[samples];
        for (int i = 0; i < samples; i++) {
            added[i] = starter[1][i] + starter[2][i] - without[1][i];
            refreshAdded[i] = starter[1][i] - without[1][i];
        }
        long addedMedian = FirstCallRunner.median(added);
        logger.info(String.format(Locale.ROOT, "refresh: the starter adds %.1f ms (median of pairs)",
                FirstCallRunner.millis(FirstCallRunner.median(refreshAdded))));
        logger.info(String.format(Locale.ROOT, "first portal answer: %.1f ms after the baseline's refresh (median of "
                + "pairs); target <= %.0f ms: %s", FirstCallRunner.millis(addedMedian),
                FirstCallRunner.millis(TARGET_NANOS), (addedMedian <= TARGET_NANOS) ? "met" : "not met"));
    }
}
