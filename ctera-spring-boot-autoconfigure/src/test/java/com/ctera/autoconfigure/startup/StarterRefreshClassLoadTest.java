package com.ctera.autoconfigure.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards what the starter adds to a Spring Boot application's start without timing it: the same application starts
 * in two child JVMs with {@code -Xlog:class+load}, with the starter and two portals and with the starter's
 * auto-configurations excluded, and the classes the first loads and the second does not, up to the end of the
 * refresh, must stay within a recorded bound. The client's own first call is guarded by {@code
 * FirstCallClassLoadTest}; this one catches what the starter's beans and checks load at start-up (a JSON parser read
 * for every start, an eager bean that should be lazy).
 *
 * <p>To update the bound after a deliberate change, run this test, read the count and the per-package table in its
 * output, and set {@link #RECORDED} to the new count (docs/startup.md, "The regression guard").
 */
class StarterRefreshClassLoadTest {

    /** The classes the starter with two portals adds to the refresh, as recorded on Java 17 (this test class path). */
    static final int RECORDED = 859;

    /**
     * Room for small JDK differences only: the run is deterministic (no collection, no background initialiser; the
     * same count in every run), and a regression of a few dozen classes must show.
     */
    static final double MARGIN = 0.02;

    @Test
    void theStarterAddsNoMoreClassesToTheRefreshThanRecorded(@TempDir Path dir)
            throws IOException, InterruptedException {
        Set<String> starter;
        Set<String> without;
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start()) {
            starter = loadedUntilRefreshed(simulator, "starter", dir);
            without = loadedUntilRefreshed(simulator, "without", dir);
        }
        List<String> added = starter.stream().filter((name) -> !without.contains(name)).sorted().toList();
        Map<String, Long> byPackage = new TreeMap<>(added.stream()
            .collect(Collectors.groupingBy(StarterRefreshClassLoadTest::packageGroup, Collectors.counting())));
        String table = byPackage.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(entry -> String.format("%6d %s", entry.getValue(), entry.getKey()))
            .collect(Collectors.joining("\n"));
        System.out.println("Classes the starter with two portals adds to the refresh: " + added.size()
                + " (recorded bound " + RECORDED + "; " + starter.size() + " with it, " + without.size()
                + " without)\n" + table);
        assertThat(added.size())
            .as("classes the starter adds to the refresh (recorded %d + %d%%); by package:%n%s", RECORDED,
                    Math.round(MARGIN * 100), table)
            .isBetween(100, (int) (RECORDED * (1 + MARGIN)));
    }

    private static Set<String> loadedUntilRefreshed(CteraPortalSimulator simulator, String mode, Path dir)
            throws IOException, InterruptedException {
        Path log = dir.resolve(mode + "-class-load.log");
        SimulatorCredentials admin = simulator.adminCredentials();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                // Boot's background initialiser loads classes on a thread of its own, as fast as the machine lets
                // it: whether they come before the refresh's end is timing, which the count must not depend on.
                "-Dspring.backgroundpreinitializer.ignore=true",
                // No collection during the run: a collection makes the JVM metrics' listener load the JDK's
                // notification classes, in one run and not the next.
                "-XX:+UseSerialGC", "-Xms1g", "-Xmn768m", "-cp", System.getProperty("java.class.path"),
                StarterRefreshJob.class.getName(), mode, simulator.baseUrl().toString(), admin.username(),
                dir.resolve(mode + "-store").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve(mode + "-output.log").toFile()).directory(dir.toFile());
        builder.environment().put(StarterRefreshJob.PASSWORD_VARIABLE, admin.password());
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ended within 2 minutes").isTrue();
        assertThat(process.exitValue()).as("the child JVM's exit code; its output:%n%s",
                Files.readString(dir.resolve(mode + "-output.log"))).isZero();
        Set<String> loaded = new HashSet<>();
        boolean started = false;
        for (String line : Files.readAllLines(log)) {
            String name = className(line);
            if (name.equals(StarterRefreshJob.class.getName())) {
                started = true;
            }
            else if (name.equals(StarterRefreshJob.Refreshed.class.getName())) {
                return withoutGenerated(loaded);
            }
            else if (started && !name.isEmpty()) {
                loaded.add(name);
            }
        }
        throw new AssertionError("the class-load log does not mark the start and the refresh's end: " + log);
    }

    // Lambdas, proxies, hidden classes and generated accessors are named by the order or the address they are made
    // at: compared by name they would count as added on one side and missing on the other.
    private static Set<String> withoutGenerated(Set<String> names) {
        Set<String> kept = new HashSet<>();
        for (String name : names) {
            int lambda = name.indexOf("$$Lambda");
            int hidden = name.indexOf("/0x");
            if (lambda >= 0) {
                kept.add(name.substring(0, lambda) + "$$Lambda");
            }
            else if (hidden >= 0) {
                kept.add(name.substring(0, hidden));
            }
            else if (!name.startsWith("jdk.proxy") && !name.startsWith("jdk.internal.reflect.Generated")
                    && !name.contains("LambdaForm$")) {
                kept.add(name);
            }
        }
        return kept;
    }

    // "[0.123s][info][class,load] java.lang.Object source: jrt:/java.base" -> "java.lang.Object"
    private static String className(String line) {
        int tag = line.indexOf("[class,load] ");
        if (tag < 0) {
            return "";
        }
        int start = tag + "[class,load] ".length();
        int end = line.indexOf(' ', start);
        return (end < 0) ? line.substring(start) : line.substring(start, end);
    }

    // The first three parts of the package, so the table stays short: io.netty.handler, org.springframework.web...
    private static String packageGroup(String className) {
        String[] parts = className.split("\\.");
        int depth = Math.min(3, parts.length - 1);
        return String.join(".", Arrays.copyOf(parts, depth));
    }
}
