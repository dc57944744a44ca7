package com.ctera.benchmarks.startup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.benchmarks.transfer.ChildSimulator;
import com.ctera.simulator.SimulatorOptions;

/**
 * A short job in a fresh JVM against the official Python SDK doing the same: log in as the global administrator,
 * browse the tenant, add N users one after another, delete them, log out. Both run against one simulator in a JVM
 * of its own, alternately, a new process per sample; the figures are each process's wall time and CPU time (the
 * JIT's threads and the interpreter included), and for the Java job the bytes its live threads allocated.
 *
 * <p>Arguments: {@code [samples] [users]}, default 3 and 1000. System properties: {@code ctera.bench.python} (the
 * interpreter of a virtual environment with the SDK installed; without it only the Java job runs),
 * {@code ctera.bench.sdk-script} (default {@code ctera-benchmarks/src/main/python/sdk_user_churn.py}),
 * {@code ctera.bench.jvm-options} and {@code ctera.bench.java} for the Java job's JVM, as {@link FirstCallRunner};
 * {@code ctera.bench.url}, a simulator already running (default administrator password), as
 * {@link BootFirstCallRunner}.
 */
public final class UserChurnRunner {

    private static final Logger logger = LoggerFactory.getLogger(UserChurnRunner.class);

    /** The probe's fields, in its order. */
    private static final int FIELDS = 3;

    private UserChurnRunner() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int samples = RunnerArguments.wholeNumber(args, 0, "samples", 1, 3);
        int users = RunnerArguments.wholeNumber(args, 1, "users", 1, 1000);
        String java = FirstCallRunner.javaLauncher();
        String options = FirstCallRunner.jvmOptions();
        String python = System.getProperty("ctera.bench.python");
        String script = System.getProperty("ctera.bench.sdk-script",
                "ctera-benchmarks/src/main/python/sdk_user_churn.py");
        long[][] client = new long[1 + FIELDS][samples];
        long[][] sdk = new long[1 + FIELDS][samples];
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String password = SimulatorOptions.DEFAULT_ADMIN_PASSWORD;
        String given = System.getProperty("ctera.bench.url");
        try (ChildSimulator simulator = (given != null) ? null
                : ChildSimulator.start(Files.createTempDirectory("user-churn"), "512m")) {
            URI base = (simulator != null) ? simulator.baseUrl() : URI.create(given);
            String url = base.toString();
            for (int sample = 0; sample < samples; sample++) {
                // Alternate which goes first, so neither always follows the other.
                for (int turn = 0; turn < 2; turn++) {
                    boolean javaTurn = (turn == sample % 2);
                    String prefix = String.format(Locale.ROOT, "churn%d%s", sample, javaTurn ? "j" : "p");
                    if (javaTurn) {
                        List<String> command = FirstCallRunner.javaCommand(java, options, UserChurnProbe.class, url,
                                "admin", "acme", Integer.toString(users), prefix);
                        store(client, sample, FirstCallRunner.run(command, password, FIELDS));
                    }
                    else if (python != null) {
                        List<String> command = List.of(python, script, base.getHost(),
                                Integer.toString(base.getPort()), "admin", "acme",
                                Integer.toString(users), prefix);
                        store(sdk, sample, FirstCallRunner.run(command, password, FIELDS));
                    }
                }
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        logger.info("{} user additions and {} deletions, one after another, fresh process per sample, {} samples, "
                + "JVM options [{}], load average {} before, {} after", users, users, samples, options,
                String.format(Locale.ROOT, "%.1f", loadBefore), String.format(Locale.ROOT, "%.1f", loadAfter));
        for (int i = 0; i < samples; i++) {
            logger.info(String.format(Locale.ROOT, "sample %d: client process %.0f ms, CPU %.0f ms; SDK process %.0f "
                    + "ms, CPU %.0f ms", i + 1, FirstCallRunner.millis(client[0][i]),
                    FirstCallRunner.millis(client[2][i]), FirstCallRunner.millis(sdk[0][i]),
                    FirstCallRunner.millis(sdk[2][i])));
        }
        long sdkProcess = Math.max(1, FirstCallRunner.median(sdk[0]));
        long sdkCpu = Math.max(1, FirstCallRunner.median(sdk[2]));
        logger.info(FirstCallRunner.line("client process", client[0], sdkProcess, "the SDK's process"));
        logger.info(FirstCallRunner.line("client job", client[1], FirstCallRunner.median(sdk[1]), "the SDK's job"));
        logger.info(FirstCallRunner.line("client CPU", client[2], sdkCpu, "") + String.format(Locale.ROOT,
                "  %5.2f x the SDK's CPU", FirstCallRunner.median(client[2]) / (double) sdkCpu));
        logger.info(FirstCallRunner.line("SDK process", sdk[0], sdkProcess, "the SDK's process"));
        logger.info(FirstCallRunner.line("SDK CPU", sdk[2], sdkCpu, ""));
        logger.info(String.format(Locale.ROOT, "client allocation: %.1f KiB per call (median, %d calls and a login)",
                FirstCallRunner.median(client[3]) / 1024.0 / (2.0 * users), 2 * users));
    }

    private static void store(long[][] into, int sample, long[] measured) {
        for (int field = 0; field < measured.length; field++) {
            into[field][sample] = measured[field];
        }
    }
}
