package com.ctera.benchmarks.call;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.benchmarks.transfer.ChildSimulator;

/**
 * {@link CallOverheadRunner} in several JVMs, one after the other, and the median of their results. One JVM's ratio
 * is tight within the run but moves by up to ±10 points from one JVM to the next (what the JIT compiled, where the
 * threads landed), so a claim at the 5–10% level rests on the median of several.
 *
 * <p>Arguments: {@code [forks] [side] [rounds] [calls] [baseline]}, default 7, then the runner's own defaults. Every
 * second fork builds the baseline's client first (see {@link CallOverheadRunner#BASELINE_BUILT_FIRST_PROPERTY}): the
 * summary gives the median of each build order and their geometric mean, the figure to quote. The simulator runs in
 * a JVM of its own for all forks; with {@code -Dctera.bench.alone=true} each JVM runs one side alone (see
 * {@link CallOverheadRunner#ALONE_PROPERTY}), N of each in turns, and the ratios of their medians are reported; with {@code -Dctera.bench.pin=true} it is pinned to CPU 0 and
 * each fork to CPU 1 ({@code taskset}). With {@code -Dctera.bench.in-process=true} each fork starts its own simulator
 * in its JVM instead. Against a shared simulator, one more fork runs first to warm it up and is reported but not
 * counted.
 */
public final class CallOverheadForks {

    private static final Logger logger = LoggerFactory.getLogger(CallOverheadForks.class);

    /** No fork may run longer than this; a stuck one fails the run instead of hanging it. */
    private static final long FORK_LIMIT_MINUTES = 15;

    private CallOverheadForks() {
    }

    public static void main(String[] args) throws Exception {
        int forks = RunnerArguments.wholeNumber(args, 0, "forks", 1, 7);
        List<String> runnerArguments = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        boolean pin = Boolean.getBoolean("ctera.bench.pin");
        boolean inProcess = Boolean.getBoolean("ctera.bench.in-process");
        Path data = Files.createTempDirectory("ctera-forks");
        try (ChildSimulator simulator = inProcess ? null
                : ChildSimulator.start(data, "512m", pin ? List.of("taskset", "-c", "0") : List.of())) {
            if (Boolean.getBoolean(CallOverheadRunner.ALONE_PROPERTY)) {
                compareAlone(forks, runnerArguments, (simulator != null) ? simulator.baseUrl().toString() : null, pin);
                return;
            }
            if (simulator != null) {
                // The first JVM against a freshly started simulator measured unlike every later one (the side with
                // more work looked cheaper, docs/benchmarks.md), so a fork warms the simulator and is not counted.
                double[] warmUp = runFork(runnerArguments, simulator.baseUrl().toString(), pin, false);
                logger.info(String.format(Locale.ROOT, "warm-up fork, not counted: c1 latency %+.1f%%, c32 "
                        + "throughput %.1f%%, c32 CPU %.3f (all threads %.3f)", (warmUp[0] - 1) * 100, warmUp[1] * 100,
                        warmUp[2], warmUp[3]));
            }
            List<double[]> measuredFirst = new ArrayList<>();
            List<double[]> baselineFirst = new ArrayList<>();
            for (int fork = 1; fork <= forks; fork++) {
                boolean swapped = (fork % 2 == 0);
                double[] result = runFork(runnerArguments, (simulator != null) ? simulator.baseUrl().toString() : null,
                        pin, swapped);
                logger.info(String.format(Locale.ROOT, "fork %d of %d (%s built first): c1 latency %+.1f%%, c32 "
                        + "throughput %.1f%%, c32 CPU %.3f (all threads %.3f)", fork, forks,
                        swapped ? "baseline" : "measured side", (result[0] - 1) * 100, result[1] * 100, result[2],
                        result[3]));
                (swapped ? baselineFirst : measuredFirst).add(result);
            }
            String where = inProcess ? "simulator in each fork's JVM"
                    : "simulator in its own JVM" + (pin ? ", pinned" : "");
            for (List<double[]> order : List.of(measuredFirst, baselineFirst)) {
                if (!order.isEmpty()) {
                    logger.info(String.format(Locale.ROOT, "%s, %s built first, over %d JVMs (%s): median c1 latency "
                            + "%s, c32 throughput %s, c32 CPU %s, all threads %s", String.join(" ", runnerArguments),
                            (order == measuredFirst) ? "measured side" : "baseline", order.size(), where,
                            summary(order, 0, true), summary(order, 1, false), summary(order, 2, false),
                            summary(order, 3, false)));
                }
            }
            if (!baselineFirst.isEmpty()) {
                logger.info(String.format(Locale.ROOT, "%s over %d JVMs, both build orders (geometric mean of their "
                        + "medians): c1 latency %+.1f%%, c32 throughput %.1f%%, c32 CPU %.3f, all threads %.3f",
                        String.join(" ", runnerArguments), forks, (balanced(measuredFirst, baselineFirst, 0) - 1) * 100,
                        balanced(measuredFirst, baselineFirst, 1) * 100, balanced(measuredFirst, baselineFirst, 2),
                        balanced(measuredFirst, baselineFirst, 3)));
            }
        }
        finally {
            deleteTree(data);
        }
    }

    // Each side alone in JVMs of its own, taken in turns A B B A so that drift over the run hits both alike, and the
    // ratio of their medians. Against a shared simulator, a JVM of each side warms it first and is not counted.
    private static void compareAlone(int forks, List<String> runnerArguments, @Nullable String simulatorUrl,
            boolean pin) throws IOException, InterruptedException {
        String side = runnerArguments.isEmpty() ? "none" : runnerArguments.get(0);
        String baseline = (runnerArguments.size() > 3) ? runnerArguments.get(3) : "plain";
        List<String> rest = runnerArguments.subList(Math.min(1, runnerArguments.size()),
                Math.min(3, runnerArguments.size()));
        String property = "-D" + CallOverheadRunner.ALONE_PROPERTY + "=true";
        if (simulatorUrl != null) {
            for (String warming : List.of(side, baseline)) {
                runFork(withSide(warming, rest), simulatorUrl, pin, property, CallOverheadRunner.ALONE_RESULT_PREFIX,
                        3);
            }
        }
        List<double[]> measured = new ArrayList<>();
        List<double[]> baselines = new ArrayList<>();
        for (int turn = 0; turn < 2 * forks; turn++) {
            boolean measuredTurn = (turn % 4 == 0) || (turn % 4 == 3);
            String which = measuredTurn ? side : baseline;
            double[] result = runFork(withSide(which, rest), simulatorUrl, pin, property,
                    CallOverheadRunner.ALONE_RESULT_PREFIX, 3);
            logger.info(String.format(Locale.ROOT, "JVM %d of %d, %s alone: c1 latency %.1f µs, c32 %.0f calls/s, "
                    + "CPU %.1f µs per call", turn + 1, 2 * forks, which, result[0] / 1e3, result[1], result[2] / 1e3));
            (measuredTurn ? measured : baselines).add(result);
        }
        logger.info(String.format(Locale.ROOT, "%s vs %s, each alone in %d JVMs (%s): c1 latency %+.1f%%, c32 "
                + "throughput %.1f%%, c32 CPU of all threads %.3f (ratios of the medians; medians %.1f / %.1f µs, %.0f / "
                + "%.0f calls/s)", side, baseline, forks, (simulatorUrl != null) ? "simulator in its own JVM"
                        + (pin ? ", pinned" : "") : "simulator in each JVM",
                (median(measured, 0) / median(baselines, 0) - 1) * 100, median(measured, 1) / median(baselines, 1) * 100,
                median(measured, 2) / median(baselines, 2), median(measured, 0) / 1e3, median(baselines, 0) / 1e3,
                median(measured, 1), median(baselines, 1)));
    }

    private static List<String> withSide(String side, List<String> roundsAndCalls) {
        List<String> arguments = new ArrayList<>();
        arguments.add(side);
        arguments.addAll(roundsAndCalls);
        return arguments;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static double[] runFork(List<String> runnerArguments, @Nullable String simulatorUrl, boolean pin,
            boolean baselineFirst) throws IOException, InterruptedException {
        return runFork(runnerArguments, simulatorUrl, pin,
                "-D" + CallOverheadRunner.BASELINE_BUILT_FIRST_PROPERTY + "=" + baselineFirst,
                CallOverheadRunner.RESULT_PREFIX, 4);
    }

    private static double[] runFork(List<String> runnerArguments, @Nullable String simulatorUrl, boolean pin,
            String property, String resultPrefix, int figures) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (pin) {
            command.addAll(List.of("taskset", "-c", "1"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-Djava.net.preferIPv4Stack=true"));
        if (simulatorUrl != null) {
            command.add("-D" + BenchPortal.URL_PROPERTY + "=" + simulatorUrl);
        }
        command.add(property);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CallOverheadRunner.class.getName()));
        command.addAll(runnerArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                int at = line.indexOf(resultPrefix);
                if (at >= 0) {
                    result = Arrays.stream(line.substring(at + resultPrefix.length()).trim()
                        .split(" ")).mapToDouble(Double::parseDouble).toArray();
                }
            }
        }
        if (!process.waitFor(FORK_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("a fork ran longer than " + FORK_LIMIT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0 || result == null || result.length != figures) {
            throw new IllegalStateException("a fork of " + command + " ended with exit code " + process.exitValue()
                    + " and no result line");
        }
        return result;
    }

    private static double median(List<double[]> results, int index) {
        double[] values = results.stream().mapToDouble(result -> result[index]).sorted().toArray();
        return (values.length % 2 == 1) ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    // Each build order favours one side by the same factor, so the geometric mean of the two medians cancels it.
    private static double balanced(List<double[]> measuredFirst, List<double[]> baselineFirst, int index) {
        return Math.sqrt(median(measuredFirst, index) * median(baselineFirst, index));
    }

    // The median over the forks, with the range: as a change in percent for a ratio, as a percentage for a share.
    private static String summary(List<double[]> results, int index, boolean asChange) {
        double[] values = results.stream().mapToDouble(result -> result[index]).sorted().toArray();
        double median = median(results, index);
        if (asChange) {
            return String.format(Locale.ROOT, "%+.1f%% (range %+.1f%% to %+.1f%%)", (median - 1) * 100,
                    (values[0] - 1) * 100, (values[values.length - 1] - 1) * 100);
        }
        if (index == 1) {
            return String.format(Locale.ROOT, "%.1f%% (range %.1f%% to %.1f%%)", median * 100, values[0] * 100,
                    values[values.length - 1] * 100);
        }
        return String.format(Locale.ROOT, "%.3f (range %.3f to %.3f)", median, values[0], values[values.length - 1]);
    }
}
