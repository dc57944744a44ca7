package com.ctera.benchmarks.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times whole {@code ctera} processes, start to exit, taking the commands in turns so that a busy machine weighs on
 * each alike: {@code java -version} (the baseline: a JVM that starts and stops), {@code ctera --help} (no portal, no
 * Spring context) and {@code ctera users list} (a context, a login and one page of users). The launcher is the
 * packaged {@code ctera} script; it reads its configuration from the working directory and the environment as a user
 * would. A second launcher, a copy whose directory holds a class-data archive ({@code ctera --create-archive users
 * list}), adds both commands with the archive to the same turns.
 * <p>
 * {@code java -cp ctera-benchmarks/target/classes com.ctera.benchmarks.cli.CliStartRunner ROUNDS LAUNCHER
 * [LAUNCHER_WITH_ARCHIVE]}
 */
public final class CliStartRunner {

    private CliStartRunner() {
    }

    /** Runs the rounds and prints median, quartiles, minimum and the ratio of medians to the baseline. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: CliStartRunner ROUNDS LAUNCHER [LAUNCHER_WITH_ARCHIVE]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        String launcher = Path.of(args[1]).toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("java -version", List.of(java, "-version"));
        commands.put("ctera --help", List.of(launcher, "--help"));
        commands.put("ctera users list", List.of(launcher, "users", "list"));
        if (args.length == 3) {
            String archived = Path.of(args[2]).toAbsolutePath().toString();
            commands.put("ctera --help, archive", List.of(archived, "--help"));
            commands.put("ctera users list, archive", List.of(archived, "users", "list"));
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        commands.keySet().forEach((name) -> times.put(name, new ArrayList<>()));
        List<String> names = new ArrayList<>(commands.keySet());
        for (int round = 0; round < rounds + 1; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((round + i) % names.size());
                double millis = time(commands.get(name));
                if (round > 0) { // the first round warms the page cache
                    times.get(name).add(millis);
                }
            }
        }
        double baseline = median(times.get("java -version"));
        System.out.printf(Locale.ROOT, "| command | median | p25 | p75 | min | median / java -version |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|%n");
        times.forEach((name, samples) -> System.out.printf(Locale.ROOT,
                "| `%s` | %.0f ms | %.0f | %.0f | %.0f | %.1f× |%n", name, median(samples), quantile(samples, 0.25),
                quantile(samples, 0.75), quantile(samples, 0), median(samples) / baseline));
    }

    private static double time(List<String> command) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        int exit = process.waitFor();
        double millis = (System.nanoTime() - started) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return millis;
    }

    private static double median(List<Double> samples) {
        return quantile(samples, 0.5);
    }

    private static double quantile(List<Double> samples, double q) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
