package com.ctera.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code ctera} script with the packaged jar, as a user installs them: the first run unpacks the jar
 * beside it, later runs use that layout, the first portal command that succeeds leaves a class-data archive, and
 * standard output holds the command's results only. It runs after
 * {@code package} (the surefire execution {@code launcher} of this module's pom), when both files exist.
 */
@EnabledOnOs(OS.LINUX)
class LauncherTests {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    private static final Path TARGET = Path.of("target");

    private static final String ARCHIVE = "glob:**/ctera-auto-*.{jsa,aot}";

    private static final String TRAINING = "glob:**/ctera-auto-*.{jsa,aot}.*";

    @TempDir
    Path directory;

    private CliHarness cli;

    private Path installed;

    @BeforeEach
    void install() throws IOException {
        this.cli = new CliHarness(this.directory);
        this.installed = Files.createDirectories(this.directory.resolve("opt/ctera"));
        for (String file : List.of("ctera", "ctera-cli.jar")) {
            assertThat(TARGET.resolve(file)).as("built by package").exists();
            Files.copy(TARGET.resolve(file), this.installed.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        // The launcher runs the JVM these tests run on.
        this.cli.variables.put("JAVA_HOME", System.getProperty("java.home"));
    }

    @Test
    void theFirstRunUnpacksTheJarAndEveryRunKeepsStandardOutputToTheResults() throws Exception {
        Run first = run("users", "list", "--format", "csv");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out().lines().findFirst()).hasValue("name,email,firstName,lastName,role,company,uid");
        Path app = this.installed.resolve("ctera-app");
        assertThat(app.resolve("ctera-cli.jar")).exists();
        assertThat(app.resolve("lib")).isDirectoryContaining("glob:**/ctera-client-*.jar");
        // The first portal command that succeeds leaves a class-data archive for this JVM, and no training file.
        assertThat(app).isDirectoryContaining(ARCHIVE).isDirectoryNotContaining(TRAINING);
        long unpacked = Files.getLastModifiedTime(app.resolve("ctera-cli.jar")).toMillis();

        Run second = run("users", "list", "--format", "csv");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.getLastModifiedTime(app.resolve("ctera-cli.jar")).toMillis()).as("not unpacked again")
            .isEqualTo(unpacked);
    }

    @Test
    void aNewerJarIsUnpackedAgain() throws Exception {
        assertThat(run("--version").exitCode()).isZero();
        Path unpackedJar = this.installed.resolve("ctera-app/ctera-cli.jar");
        Files.setLastModifiedTime(unpackedJar, java.nio.file.attribute.FileTime.fromMillis(0));
        Run help = run("--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: ctera");
        assertThat(Files.getLastModifiedTime(unpackedJar).toMillis()).as("unpacked again").isGreaterThan(0);
        assertThat(this.installed.resolve("ctera-app")).as("no archive trained on --help")
            .isDirectoryNotContaining(ARCHIVE);
    }

    @Test
    void aFailedCommandLeavesNoArchive() throws Exception {
        this.cli.variables.put("CTERA_PORTALS_ADMIN_PASSWORD", "Not-The-Password-42");
        Run refused = run("users", "list");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(refused.err().lines()).as(refused.err()).singleElement().asString().startsWith("ctera users list: ");
        assertThat(this.installed.resolve("ctera-app")).isDirectoryNotContaining(ARCHIVE)
            .isDirectoryNotContaining(TRAINING);
    }

    @Test
    void aPersonAtATerminalIsToldWhyTheFirstCommandTakesLonger() throws Exception {
        // util-linux's script(1) gives the launcher a pseudo-terminal; standard output and error both reach it.
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "script(1) is not installed");
        String command = this.installed.resolve("ctera") + " users list --format csv";
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qec", command, "/dev/null")
            .directory(this.cli.workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(this.cli.variables);
        Process process = builder.start();
        process.getOutputStream().close();
        String terminal = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("ended within %s", LIMIT).isTrue();
        assertThat(process.exitValue()).as(terminal).isZero();
        assertThat(terminal).contains("ctera: first command on this JVM: also recording a start-up archive")
            .contains("name,email,firstName,lastName,role,company,uid");
        assertThat(this.installed.resolve("ctera-app")).isDirectoryContaining(ARCHIVE);
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(this.installed.resolve("ctera").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(this.cli.workingDirectory.toFile());
        builder.environment().putAll(this.cli.variables);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("ended within %s", LIMIT).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    private record Run(int exitCode, String out, String err) {
    }
}
