package com.ctera.client.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the start-up cost of the first call without timing it: a child JVM builds a portal and lists users once
 * with {@code -Xlog:class+load}, and the classes loaded from {@link FirstCallJob}'s start to the end of that first
 * call must stay within a recorded bound. Class counts do not depend on the machine's load, so the test cannot
 * flake on a busy runner, and every class a change adds to the first call shows here.
 *
 * <p>To update the bound after a deliberate change, run this test, read the count and the per-package table in its
 * output, and set {@link #RECORDED} to the new count (docs/startup.md, "The regression guard").
 */
class FirstCallClassLoadTest {

    /** The classes loaded by a portal build plus first call, as recorded on Java 17 (logback on the test class path). */
    static final int RECORDED = 3987;

    /** Room for classes that vary run to run (lambda forms, threads' timing) and small JDK differences. */
    static final double MARGIN = 0.10;

    @Test
    void buildAndFirstCallLoadNoMoreClassesThanRecorded(@TempDir Path dir) throws IOException, InterruptedException {
        List<String> counted;
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start()) {
            counted = loadedDuringFirstCall(simulator, dir.resolve("class-load.log"));
        }
        Map<String, Long> byPackage = new TreeMap<>(counted.stream()
            .collect(Collectors.groupingBy(FirstCallClassLoadTest::packageGroup, Collectors.counting())));
        String table = byPackage.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(entry -> String.format("%6d %s", entry.getValue(), entry.getKey()))
            .collect(Collectors.joining("\n"));
        System.out.println("Classes loaded by a portal build and first call: " + counted.size()
                + " (recorded bound " + RECORDED + ")\n" + table);
        assertThat(counted.size())
            .as("classes loaded by a portal build and first call (recorded %d + %d%%); by package:%n%s", RECORDED,
                    Math.round(MARGIN * 100), table)
            .isBetween(100, (int) (RECORDED * (1 + MARGIN)));
    }

    private static List<String> loadedDuringFirstCall(CteraPortalSimulator simulator, Path log)
            throws IOException, InterruptedException {
        SimulatorCredentials admin = simulator.adminCredentials();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                FirstCallJob.class.getName(), simulator.baseUrl().toString(), admin.username());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put(FirstCallJob.PASSWORD_VARIABLE, admin.password());
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ended within 2 minutes").isTrue();
        assertThat(process.exitValue()).as("the child JVM's exit code").isZero();
        List<String> counted = new ArrayList<>();
        boolean started = false;
        for (String line : Files.readAllLines(log)) {
            String name = className(line);
            if (name.equals(FirstCallJob.class.getName())) {
                started = true;
            }
            else if (name.equals(FirstCallJob.Done.class.getName())) {
                return counted;
            }
            else if (started && !name.isEmpty()) {
                counted.add(name);
            }
        }
        throw new AssertionError("the class-load log does not mark the first call's start and end: " + log);
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
