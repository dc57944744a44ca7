package com.ctera.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.RequestJournal;
import com.ctera.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command in JVMs of its own, where only a real process will do: a pseudo-terminal (util-linux {@code script})
 * shows the progress bar and a table, a pipe shows neither, and Ctrl-C ends {@code events tail} cleanly.
 */
@EnabledOnOs(OS.LINUX)
class ForkedCommandTests {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    private CliHarness cli;

    private Path upload;

    @BeforeEach
    void harness() throws IOException {
        this.cli = new CliHarness(this.directory);
        this.upload = this.directory.resolve("big.bin");
        Files.write(this.upload, new byte[3 * 1024 * 1024]);
    }

    @Test
    void aTerminalShowsTheProgressBarAndATable() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the pseudo-terminal");
        String command = String.join(" ", quoted(command("--portal", "files", "files", "upload",
                this.upload.toString(), "My Files/terminal-test.bin")));
        Process process = start(List.of("script", "-qefc", command, "/dev/null"), ProcessBuilder.Redirect.PIPE);
        String terminal = finish(process);
        assertThat(process.exitValue()).as(terminal).isZero();
        assertThat(terminal).contains("terminal-test.bin [##############################] 100% 3.0 MiB/3.0 MiB")
            .contains("\r")
            .doesNotContain(CliHarness.USER_PASSWORD);
        assertThat(terminal.lines()).as("a table on a terminal").anySatisfy((line) -> assertThat(line)
            .matches("path\\s+size\\s+result\\s*"))
            .anySatisfy((line) -> assertThat(line).matches("My Files/terminal-test.bin\\s+3145728\\s+uploaded\\s*"));
    }

    @Test
    void aPipeGetsJsonAndNoProgressBar() throws Exception {
        Process process = start(command("--portal", "files", "files", "upload", this.upload.toString(),
                "My Files/piped-test.bin"), ProcessBuilder.Redirect.PIPE);
        String out = finish(process);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(err).isEmpty();
        assertThat((List<Integer>) JsonPath.read(out, "$[*].size")).containsExactly(3 * 1024 * 1024);
    }

    @Test
    void ctrlCEndsEventsTailCleanly() throws Exception {
        RequestJournal journal = CliHarness.simulator().requests();
        long longpolls = journal.count("notifications.longpoll");
        long logouts = journal.count("logout");
        Process process = start(command("--portal", "files", "events", "tail"), ProcessBuilder.Redirect.PIPE);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (journal.count("notifications.longpoll") == longpolls && System.nanoTime() < deadline) {
            Thread.sleep(100); // waiting for another process to reach the portal: nothing to inject a clock into
        }
        assertThat(journal.count("notifications.longpoll")).as("the tail is following the feed").isGreaterThan(longpolls);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ended on Ctrl-C").isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).doesNotContain("Exception", "\tat ");
        assertThat(journal.count("logout")).as("logged out on the way").isGreaterThan(logouts);
    }

    /** The lazy bulk bean of a portal left uncreated by bad configuration is not created again when the context stops. */
    @Test
    void aPortalWithoutItsPasswordGivesOneLineAndNoStackTrace() throws Exception {
        this.cli.variables.remove("CTERA_PORTALS_ADMIN_PASSWORD");
        Process process = start(command("users", "list"), ProcessBuilder.Redirect.PIPE);
        String out = finish(process);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isEqualTo(ExitCodes.OTHER);
        assertThat(out).isEmpty();
        assertThat(err.lines()).as(err).singleElement().asString()
            .startsWith("ctera users list: invalid configuration: ctera.portals.admin.username and "
                    + "ctera.portals.admin.password");
    }

    /** Reactor Netty's warning and stack trace for a refused certificate stay out of the command's output. */
    @Test
    void anUntrustedCertificateGivesOneLineAndNoStackTrace() throws Exception {
        try (CteraPortalSimulator tls = CteraPortalSimulator.start(SimulatorOptions.defaults().withTls(true))) {
            Files.writeString(this.cli.workingDirectory.resolve("application.yml"), """
                    ctera:
                      portals:
                        untrusted:
                          url: %s
                          context: admin
                          username: admin
                    """.formatted(tls.baseUrl()));
            this.cli.variables.keySet().removeIf((name) -> name.startsWith("CTERA_PORTALS_"));
            this.cli.variables.put("CTERA_PORTALS_UNTRUSTED_PASSWORD", tls.adminCredentials().password());
            Process process = start(command("users", "list"), ProcessBuilder.Redirect.PIPE);
            String out = finish(process);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(err).isNotZero();
            assertThat(out).isEmpty();
            assertThat(err.lines()).as(err).singleElement().asString().startsWith("ctera users list: ")
                .containsIgnoringCase("certificate");
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), CteraCli.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private Process start(List<String> command, ProcessBuilder.Redirect stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(this.cli.workingDirectory.toFile())
            .redirectError(stderr);
        builder.environment().putAll(this.cli.variables);
        builder.environment().put("TERM", "dumb");
        return builder.start();
    }

    private static String finish(Process process) throws Exception {
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static List<String> quoted(List<String> words) {
        return words.stream().map((word) -> "'" + word.replace("'", "'\\''") + "'").toList();
    }
}
