package com.ctera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.cli.CliHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ctera configure}: a profile in the per-user directory, its password in a file only the user can read. */
class ConfigureCommandTests {

    @TempDir
    Path directory;

    private CliHarness cli;

    @BeforeEach
    void harness() throws IOException {
        this.cli = new CliHarness(this.directory);
        Files.delete(this.cli.workingDirectory.resolve("application.yml"));
        this.cli.variables.keySet().removeIf((name) -> name.startsWith("CTERA_"));
    }

    @Test
    void writesAProfileThatCommandsThenUse() throws IOException {
        Path xdg = this.directory.resolve("xdg");
        this.cli.variables.put("XDG_CONFIG_HOME", xdg.toString());
        this.cli.stdin = CliHarness.simulator().baseUrl() + "\n\n" + "admin\n" + CliHarness.ADMIN_PASSWORD + "\n";
        Result configured = this.cli.run("configure", "--profile", "lab", "--password-stdin");
        assertThat(configured.exitCode()).as(configured.err()).isZero();
        assertThat(configured.err()).contains("Portal URL: ", "Context (admin or services-portal) [admin]: ",
                "User name: ", "Wrote portal 'default'", "use it with --profile lab");

        Path settings = xdg.resolve("ctera/application-lab.yml");
        assertThat(settings).content().contains("url: '" + CliHarness.simulator().baseUrl() + "'", "context: admin",
                "username: 'admin'", "optional:configtree:").doesNotContain(CliHarness.ADMIN_PASSWORD);
        Path secret = xdg.resolve("ctera/secrets/lab/ctera.portals.default.password");
        assertThat(secret).hasContent(CliHarness.ADMIN_PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret.getParent())))
            .isEqualTo("rwx------");

        this.cli.stdin = "";
        Result listed = this.cli.run("--profile", "lab", "users", "list", "--name-like", "alice");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat((List<String>) JsonPath.read(listed.out(), "$[*].name")).contains("alice");
        assertThat(configured.all() + listed.all()).doesNotContain(CliHarness.ADMIN_PASSWORD);
    }

    @Test
    void readsTheHomeConfigurationWithoutXdgAndTheEnvironmentOverridesIt() {
        this.cli.stdin = "";
        Result configured = this.cli.run("configure", "--url", CliHarness.simulator().baseUrl().toString(),
                "--context", "admin", "--username", "admin", "--no-password", "--portal", "home");
        assertThat(configured.exitCode()).as(configured.err()).isZero();
        assertThat(this.cli.home.resolve(".config/ctera/application.yml")).exists();
        assertThat(this.cli.home.resolve(".config/ctera/secrets")).doesNotExist();

        this.cli.variables.put("CTERA_PORTALS_HOME_PASSWORD", CliHarness.ADMIN_PASSWORD);
        Result listed = this.cli.run("-q", "users", "list", "--name-like", "morgan");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out().lines()).containsExactly("morgan.reed");
    }

    @Test
    void rejectsABadUrlWithoutWritingAnything() {
        this.cli.stdin = "ftp://portal\n";
        Result result = this.cli.run("configure", "--no-password");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("URL must be http(s)://host[:port], was 'ftp://portal'");
        assertThat(this.cli.home.resolve(".config/ctera")).doesNotExist();
    }
}
