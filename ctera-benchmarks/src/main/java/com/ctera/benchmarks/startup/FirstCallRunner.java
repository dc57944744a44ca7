package com.ctera.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * Times the first portal call of a fresh JVM, one new process per sample as a script or a scheduled job would run:
 * the portal build, the first call (login, bootstrap, query), the second call and the whole process, with
 * {@code java -version} started alternately as the same-run baseline. {@link StartupRunner} measures the starter in
 * a warm JVM; this runner measures what a cold one pays.
 *
 * <p>Arguments: {@code [samples] [list|files]}, default 15 and {@code list}: an administrator lists 10 users twice,
 * or a services-portal user uploads a file and downloads it. The simulator runs in this JVM. System properties:
 * {@code ctera.bench.jvm-options} (space-separated options for the measured JVM only, such as
 * {@code -XX:SharedArchiveFile=app.jsa} or {@code -XX:TieredStopAtLevel=1}) and {@code ctera.bench.java} (the
 * {@code java} launcher to start, default this JVM's).
 */
public final class FirstCallRunner {

    private static final Logger logger = LoggerFactory.getLogger(FirstCallRunner.class);

    /** What the probe prints, in its order: the phases' wall times, then its own CPU time. */
    private static final List<String> PHASES = List.of("build", "first", "second", "close", "probe CPU");

    private FirstCallRunner() {
    }

    public static void main(String[] args) throws InterruptedException {
        int samples = RunnerArguments.wholeNumber(args, 0, "samples", 1, 15);
        String mode = (args.length > 1) ? args[1] : "list";
        if (!mode.equals("list") && !mode.equals("files")) {
            throw new IllegalArgumentException("mode must be 'list' or 'files', was '" + mode + "'");
        }
        String java = javaLauncher();
        String options = jvmOptions();
        Map<String, long[]> times = new LinkedHashMap<>();
        PHASES.forEach(phase -> times.put(phase, new long[samples]));
        long[] process = new long[samples];
        long[] baseline = new long[samples];
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start()) {
            String tenant = simulator.defaultTenant();
            for (int i = 0; i < 10; i++) {
                String name = String.format(Locale.ROOT, "first.call.%02d", i);
                simulator.state().addUser(tenant, name, "Passw0rd!", "EndUser", name + "@acme.example.com");
            }
            SimulatorCredentials user = mode.equals("files") ? simulator.endUserCredentials()
                    : simulator.adminCredentials();
            List<String> probe = javaCommand(java, options, FirstCallProbe.class, simulator.baseUrl().toString(),
                    user.username(), mode);
            List<String> version = List.of(java, "-version");
            // One unmeasured pair first: the file cache and the simulator's own first answers.
            String password = user.password();
            run(version, password);
            run(probe, password);
            for (int sample = 0; sample < samples; sample++) {
                // Alternate which goes first, so neither always follows the other.
                boolean probeFirst = (sample % 2) == 0;
                long[] measured = probeFirst ? run(probe, password) : null;
                baseline[sample] = run(version, password)[0];
                if (!probeFirst) {
                    measured = run(probe, password);
                }
                process[sample] = measured[0];
                for (int p = 0; p < PHASES.size(); p++) {
                    times.get(PHASES.get(p))[sample] = measured[p + 1];
                }
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report(mode, options, samples, times, process, baseline, loadBefore, loadAfter);
    }

    /** The {@code java} launcher of the measured JVMs: {@code ctera.bench.java}, default this JVM's. */
    static String javaLauncher() {
        return System.getProperty("ctera.bench.java", Path.of(System.getProperty("java.home"), "bin", "java")
            .toString());
    }

    /** The measured JVMs' own options, {@code ctera.bench.jvm-options}; empty when none are given. */
    static String jvmOptions() {
        return System.getProperty("ctera.bench.jvm-options", "").trim();
    }

    /** A fresh JVM running {@code main} from this class path, with the measured JVMs' options. */
    static List<String> javaCommand(String java, String options, Class<?> main, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        if (!options.isEmpty()) {
            command.addAll(Arrays.asList(options.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(Arrays.asList(arguments));
        return command;
    }

    private static long[] run(List<String> command, String password) throws InterruptedException {
        return run(command, password, PHASES.size());
    }

    // Starts one process and returns its wall time, then the probe's phase times when it printed them.
    static long[] run(List<String> command, String password, int phases) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The password goes by the environment, not the command line that any process listing shows.
        builder.environment().put(FirstCallProbe.PASSWORD_VARIABLE, password);
        long start = System.nanoTime();
        Process process;
        List<String> output = new ArrayList<>();
        try {
            process = builder.start();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start " + command.get(0), ex);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the process did not end within 2 minutes: " + output);
        }
        long elapsed = System.nanoTime() - start;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the process ended with " + process.exitValue() + ": " + output);
        }
        long[] result = new long[1 + phases];
        result[0] = elapsed;
        if (command.contains("-version")) {
            return result;
        }
        String line = output.stream().filter(l -> l.startsWith(FirstCallProbe.RESULT_PREFIX)).findFirst()
            .orElseThrow(() -> new IllegalStateException("the probe printed no result: " + output));
        String[] fields = line.substring(FirstCallProbe.RESULT_PREFIX.length()).split(" ");
        for (int p = 0; p < phases; p++) {
            result[p + 1] = Long.parseLong(fields[p].substring(fields[p].indexOf('=') + 1));
        }
        return result;
    }

    private static void report(String mode, String options, int samples, Map<String, long[]> times, long[] process,
            long[] baseline, double loadBefore, double loadAfter) {
        logger.info("First call in a fresh JVM, mode {}, {} samples, JVM options [{}], load average {} before, {} after",
                mode, samples, options, String.format(Locale.ROOT, "%.1f", loadBefore),
                String.format(Locale.ROOT, "%.1f", loadAfter));
        long version = median(baseline);
        for (Map.Entry<String, long[]> entry : times.entrySet()) {
            logger.info(line(entry.getKey(), entry.getValue(), version));
        }
        logger.info(line("whole process", process, version));
        logger.info(line("java -version", baseline, version));
        long processMedian = median(process);
        logger.info(String.format(Locale.ROOT,
                "whole process / java -version = %.2f; target 1.5 x java -version + 400 ms = %.1f ms: %s",
                processMedian / (double) version, millis(version * 3 / 2 + 400_000_000L),
                (processMedian <= version * 3 / 2 + 400_000_000L) ? "met" : "not met"));
    }

    private static String line(String label, long[] values, long version) {
        return line(label, values, version, "java -version");
    }

    /** One phase's median, quartiles and minimum, with the median's ratio to the baseline's. */
    static String line(String label, long[] values, long baseline, String baselineName) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        String text = String.format(Locale.ROOT, "%-14s median %8.1f ms (p25 %8.1f, p75 %8.1f, min %8.1f)", label,
                millis(median), millis(sorted[sorted.length / 4]), millis(sorted[(sorted.length * 3) / 4]),
                millis(sorted[0]));
        // CPU time against a wall time would be no ratio at all.
        return label.endsWith("CPU") ? text
                : text + String.format(Locale.ROOT, "  %5.2f x %s", median / (double) baseline, baselineName);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
