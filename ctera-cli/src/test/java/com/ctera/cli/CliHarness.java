package com.ctera.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.ctera.simulator.CteraPortalSimulator;

/**
 * Runs the {@code ctera} command in this JVM against one simulator shared by every test class: a working directory
 * whose {@code application.yml} names two portals ({@code admin}, the primary, as the global administrator; and
 * {@code files}, as the end user {@code alice} in the services portal), passwords in the environment, and a home
 * directory of its own.
 */
final class CliHarness {

    /** The global administrator's password: no output may ever show it. */
    static final String ADMIN_PASSWORD = simulator().adminCredentials().password();

    /** The end user's password. */
    static final String USER_PASSWORD = simulator().endUserCredentials().password();

    private static CteraPortalSimulator simulator;

    final Path workingDirectory;

    final Path home;

    final Map<String, String> variables = new HashMap<>();

    String stdin = "";

    boolean outTerminal;

    boolean errTerminal;

    CliHarness(Path directory) {
        try {
            this.workingDirectory = Files.createDirectories(directory.resolve("work"));
            this.home = Files.createDirectories(directory.resolve("home"));
            Files.writeString(this.workingDirectory.resolve("application.yml"), """
                    ctera:
                      primary: admin
                      portals:
                        admin:
                          url: %1$s
                          context: admin
                          username: %2$s
                        files:
                          url: %1$s
                          context: services-portal
                          username: %3$s
                    """.formatted(simulator().baseUrl(), simulator().adminCredentials().username(),
                    simulator().endUserCredentials().username()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.variables.put("HOME", this.home.toString());
        this.variables.put("CTERA_PORTALS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        this.variables.put("CTERA_PORTALS_FILES_PASSWORD", USER_PASSWORD);
    }

    /** The simulator every test shares, started on first use and stopped when the JVM ends. */
    static synchronized CteraPortalSimulator simulator() {
        if (simulator == null) {
            simulator = CteraPortalSimulator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        }
        return simulator;
    }

    /** Runs {@code ctera args...} in this JVM. */
    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(this.variables, this.workingDirectory,
                new ByteArrayInputStream(this.stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                this.outTerminal, this.errTerminal);
        int exitCode = CteraCli.run(environment, args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * What a run gave.
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int exitCode, String out, String err) {

        /** Both streams, for checks that no secret shows anywhere. */
        String all() {
            return this.out + this.err;
        }
    }
}
