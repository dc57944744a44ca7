package com.ctera.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import com.ctera.cli.CliHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input and failing portals: one line on standard error, a distinct exit code, and never a password. */
class CommandFailuresTests {

    @TempDir
    Path directory;

    private CliHarness cli;

    @BeforeEach
    void harness() {
        this.cli = new CliHarness(this.directory);
    }

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        Result result = this.cli.run("usres", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).singleElement().asString()
            .startsWith("ctera: Unmatched arguments from index 0: 'usres', 'list'; did you mean ")
            .endsWith("? (see 'ctera --help')");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingArgumentNamesIt() {
        Result result = this.cli.run("users", "get");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).singleElement().asString()
            .isEqualTo("ctera users get: Missing required parameter: 'NAME' (see 'ctera users get --help')");
    }

    @Test
    void badFormatListsTheFormats() {
        Result result = this.cli.run("users", "list", "--format", "xml");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--format", "xml", "TABLE, JSON, YAML, CSV");
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureThatNeverShowsThePassword() {
        this.cli.stdin = "Not-The-Password-42\n";
        Result result = this.cli.run("--password-stdin", "users", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(result.err().lines()).singleElement().asString().startsWith("ctera users list: ")
            .contains("check the user name and password");
        assertThat(result.all()).doesNotContain("Not-The-Password-42", CliHarness.ADMIN_PASSWORD);
        Result debug = this.cli.run("--password-stdin", "--debug", "users", "list");
        assertThat(debug.err()).contains("CteraAuthenticationException", "\tat ")
            .doesNotContain(CliHarness.ADMIN_PASSWORD);
    }

    @Test
    void unknownProfileSaysHowToCreateIt() {
        Result result = this.cli.run("--profile", "staging", "users", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown profile 'staging'", "application-staging.yml",
                "ctera configure --profile staging");
    }

    @Test
    void unknownPortalListsTheConfiguredOnes() {
        Result result = this.cli.run("--portal", "nope", "users", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown portal 'nope'; configured: ");
    }

    @Test
    void unreachablePortal() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        this.cli.variables.put("CTERA_PORTALS_ADMIN_URL", "http://127.0.0.1:" + closedPort);
        this.cli.variables.put("CTERA_PORTALS_ADMIN_RETRY_MAX_ATTEMPTS", "1");
        Result result = this.cli.run("users", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(result.err().lines()).singleElement().asString().startsWith("ctera users list: portal unreachable: ")
            .contains("check the portal URL");
        assertThat(result.all()).doesNotContain(CliHarness.ADMIN_PASSWORD);
        Result health = this.cli.run("portals", "--format", "csv");
        assertThat(health.exitCode()).isEqualTo(ExitCodes.PARTIAL_FAILURE);
        assertThat(health.out()).contains(",DOWN,").contains(",UP,").doesNotContain(CliHarness.ADMIN_PASSWORD);
    }

    @Test
    void invalidConfigurationNamesTheProperty() throws IOException {
        Files.writeString(this.cli.workingDirectory.resolve("application.yml"),
                "ctera:\n  portals:\n    bad:\n      url: ftp://portal\n      username: x\n");
        this.cli.variables.keySet().removeIf((name) -> name.startsWith("CTERA_"));
        this.cli.variables.put("CTERA_PORTALS_BAD_PASSWORD", "Config-Secret-7");
        Result result = this.cli.run("users", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OTHER);
        assertThat(result.err().lines()).singleElement().asString()
            .startsWith("ctera users list: invalid configuration: ctera.portals.bad.url must use the https or http");
        assertThat(result.all()).doesNotContain("Config-Secret-7");
    }

    @Test
    void noPortalConfigured() throws IOException {
        Files.delete(this.cli.workingDirectory.resolve("application.yml"));
        this.cli.variables.keySet().removeIf((name) -> name.startsWith("CTERA_"));
        Result result = this.cli.run("users", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OTHER);
        assertThat(result.err()).contains("no portal configured: run 'ctera configure'");
    }

    @Test
    void helpAndVersionStartNoPortal() {
        long logins = CliHarness.simulator().requests().count("login");
        Result help = this.cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: ctera", "users", "files", "Exit codes:", "6   portal unreachable");
        assertThat(this.cli.run("files", "upload", "--help").out()).contains("-r, --recursive");
        assertThat(this.cli.run("--version").out()).startsWith("ctera ");
        assertThat(this.cli.run("generate-completion").out()).contains("complete -F _complete_ctera");
        assertThat(CliHarness.simulator().requests().count("login")).as("no command above logged in")
            .isEqualTo(logins);
    }

    @Test
    void onlyTheInvokedSubcommandIsBuiltUnlessHelpOrAMistakeNeedsThemAll() {
        assertThat(CteraCli.invoked(new String[] { "--format", "json", "--portal", "users", "files", "list" }))
            .containsExactly("files");
        assertThat(CteraCli.invoked(new String[] { "-q", "--format=csv", "webhooks", "list" }))
            .containsExactly("webhooks");
        assertThat(CteraCli.invoked(new String[] { "--help" })).contains("users", "webhooks", "generate-completion");
        assertThat(CteraCli.invoked(new String[] { "usres", "list" })).hasSize(10);
        assertThat(CteraCli.invoked(new String[] { "generate-completion" })).hasSize(10);
        assertThat(this.cli.run("--help").out()).contains("configure", "portals", "users", "files", "devices", "logs",
                "events", "reports", "webhooks", "generate-completion");
        assertThat(this.cli.run("webhooks", "--help").out()).contains("Usage: ctera webhooks", "list", "replay");
    }

    @Test
    void onlyTheInvokedMethodSubcommandIsBuiltUnlessHelpOrAMistakeNeedsThemAll() {
        assertThat(methodSubcommands("--portal", "files", "files", "--format", "json", "upload", "a", "b"))
            .containsExactly("upload");
        assertThat(methodSubcommands("files", "--help")).containsExactly("copy", "delete", "download", "list", "mkdir",
                "move", "upload");
        assertThat(methodSubcommands("files", "uplaod")).hasSize(7);
        assertThat(this.cli.run("files", "--help").out()).contains("Usage: ctera files", "download", "mkdir");
        Result mistyped = this.cli.run("files", "uplaod");
        assertThat(mistyped.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(mistyped.err()).contains("did you mean", "upload");
    }

    private static List<String> methodSubcommands(String... args) {
        CommandLine files = new CommandLine(new FilesCommand());
        CteraCli.addMethodSubcommands(files, args);
        return List.copyOf(files.getSubcommands().keySet());
    }
}
