package com.ctera.cli;

import com.ctera.test.SecretScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.ctera.cli.CliHarness.Result;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.webhooks.WebhookOutbox.Status;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command's secrets scan: commands run at {@code --debug} through logins (accepted and refused, by password and
 * by bearer token), portal faults, a CSV import, {@code configure} (password from standard input, then from its
 * file), a user created with a password file, {@code events tail} and the webhook commands; then standard output,
 * standard error, the log output and every file the commands wrote are searched for each password, token, session
 * id and webhook secret used. None may appear; the password file must hold its password, readable by its owner only.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(OutputCaptureExtension.class)
class SecretsScanTests {

    private static final String WRONG_PASSWORD = "Wr0ng-Cli-Passw0rd-51";

    private static final String CSV_PASSWORD = "Csv-Cli-Passw0rd-7e-";

    private static final String NEW_USER_PASSWORD = "New-User-Passw0rd-9c";

    private static final String UNREACHABLE_TOKEN = "unreachable-token-3b81f0c2d4";

    @TempDir
    Path directory;

    /** What each command printed, by command. */
    private final Map<String, String> seen = new LinkedHashMap<>();

    /** Session ids and bearer tokens the simulator held at some point of the run. */
    private final Set<String> credentials = new LinkedHashSet<>();

    private CliHarness cli;

    @Test
    void noSecretInOutputLogsOrFilesOfAnyCommand(CapturedOutput output) throws Exception {
        CteraPortalSimulator simulator = CliHarness.simulator();
        SimulatorCredentials admin = simulator.adminCredentials();
        SimulatorCredentials user = simulator.endUserCredentials();
        String bearer = simulator.issueBearerToken(user.username());
        this.cli = new CliHarness(this.directory);
        // The HTTP layer's debug lines too, as a user chasing a problem would turn them on.
        this.cli.variables.put("LOGGING_LEVEL_REACTOR_NETTY", "DEBUG");
        Path store = this.cli.workingDirectory.resolve("store/ctera").toAbsolutePath();
        String webhookSecretLine = "";
        try (WebhookApplication application = new WebhookApplication(store)) {
            application.run(1, (counts) -> WebhookApplication.count(counts, "hooks", Status.DEAD) == 1);
            Files.createDirectories(this.cli.workingDirectory.resolve("config"));
            Files.writeString(this.cli.workingDirectory.resolve("config/application.yml"),
                    application.commandConfiguration("./store/ctera") + """
                              portals:
                                robot:
                                  url: %1$s
                                  context: services-portal
                                  bearer-token: %2$s
                                unreachable:
                                  url: https://127.0.0.1:9
                                  bearer-token: %3$s
                            """.formatted(simulator.baseUrl(), bearer, UNREACHABLE_TOKEN));
            webhookSecretLine = WebhookApplication.SECRET;

            logins(simulator, user);
            portalFaults(simulator);
            csvImport(simulator);
            configureAndPasswordFiles(admin);
            eventsTail(user);
            expect(0, "webhooks list", "--debug", "webhooks", "list");
            expect(0, "webhooks replay", "--debug", "webhooks", "replay", "hooks");
            expect(ExitCodes.NOT_FOUND, "webhooks replay unknown", "--debug", "webhooks", "replay", "nope");
        }

        Path passwordFile = this.cli.home.resolve(".config/ctera/secrets/scan/ctera.portals.scanned.password");
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(admin.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        filesWritten(passwordFile);

        SecretScanner scanner = new SecretScanner().secret("admin password", admin.password())
            .secret("user password", user.password())
            .secret("refused password", WRONG_PASSWORD)
            .secret("new user's password", NEW_USER_PASSWORD)
            .secret("bearer token", bearer)
            .secret("unreachable portal's bearer token", UNREACHABLE_TOKEN)
            .secret("webhook secret", webhookSecretLine);
        for (int i = 0; i < 3; i++) {
            scanner.secret("imported user password " + i, CSV_PASSWORD + i);
        }
        int n = 0;
        for (String credential : this.credentials) {
            scanner.secret("simulator session or token " + n++, credential);
        }
        String logs = output.getAll();
        assertThat(logs).as("debug lines of the client and of Reactor Netty were captured")
            .contains(" DEBUG PortalSession: Logged in", " DEBUG HttpClientConnect: ");
        List<String> findings = new ArrayList<>(scanner.scan("log output", logs));
        this.seen.forEach((source, text) -> findings.addAll(scanner.scan(source, text)));
        assertThat(findings).as("secrets found (%d secrets searched in %d log lines and %d outputs and files)",
                scanner.size(), logs.lines().count(), this.seen.size())
            .isEmpty();
    }

    private void logins(CteraPortalSimulator simulator, SimulatorCredentials user) {
        expect(0, "accepted login", "--debug", "users", "list");
        this.cli.stdin = WRONG_PASSWORD + "\n";
        expect(ExitCodes.AUTHENTICATION, "refused login", "--debug", "--password-stdin", "users", "list");
        this.cli.stdin = "";
        expect(0, "bearer token", "--debug", "--portal", "robot", "files", "list", "My Files");
        simulator.faults().inject(FaultRule.forPath("/ServicesPortal").times(1).status(401));
        try {
            expect(ExitCodes.AUTHENTICATION, "bearer token refused", "--debug", "--portal", "robot", "files", "list",
                    "My Files");
        }
        finally {
            simulator.faults().clear();
        }
        expect(ExitCodes.UNREACHABLE, "unreachable portal", "--debug", "--portal", "unreachable", "users", "list");
        rememberSimulatorCredentials(simulator);
    }

    private void portalFaults(CteraPortalSimulator simulator) {
        List<FaultRule> faults = List.of(FaultRule.forPath("/admin").times(8).status(500),
                FaultRule.forOperation("login").times(8).status(500));
        for (FaultRule fault : faults) {
            simulator.faults().inject(fault);
            try {
                Result result = this.cli.run("--debug", "users", "list", "--name-like", "alice");
                record("users list under " + fault, result);
            }
            finally {
                simulator.faults().clear();
            }
            rememberSimulatorCredentials(simulator);
        }
    }

    private void csvImport(CteraPortalSimulator simulator) throws IOException {
        StringBuilder csv = new StringBuilder("name,email,first_name,last_name,password,role\n");
        for (int i = 0; i < 3; i++) {
            String name = "scanned" + ProcessHandle.current().pid() + "." + i;
            csv.append(name).append(',').append(name).append("@scan.example.com,Scan,User").append(i).append(',')
                .append(CSV_PASSWORD).append(i).append(",EndUser\n");
        }
        Files.writeString(this.directory.resolve("scanned.csv"), csv);
        simulator.faults().inject(FaultRule.forPath("/admin").times(1).status(400));
        try {
            Result result = this.cli.run("--debug", "users", "import", this.directory.resolve("scanned.csv").toString(),
                    "--max-concurrency", "1");
            assertThat(result.exitCode()).as(result.err()).isIn(0, ExitCodes.PARTIAL_FAILURE);
            record("users import", result);
        }
        finally {
            simulator.faults().clear();
        }
        rememberSimulatorCredentials(simulator);
    }

    private void configureAndPasswordFiles(SimulatorCredentials admin) throws IOException {
        this.cli.stdin = admin.password() + "\n";
        expect(0, "configure", "--debug", "--profile", "scan", "configure", "--name", "scanned", "--url",
                CliHarness.simulator().baseUrl().toString(), "--context", "admin", "--username", admin.username(),
                "--password-stdin");
        this.cli.stdin = "";
        // The configured portal's password comes from its 0600 file only.
        expect(0, "login with the configured password file", "--debug", "--profile", "scan", "--portal", "scanned",
                "users", "list", "--name-like", "alice");
        Path newPassword = this.directory.resolve("new-user-password.txt");
        Files.writeString(newPassword, NEW_USER_PASSWORD + "\n");
        String name = "scanpw" + ProcessHandle.current().pid();
        expect(0, "users create with a password file", "--debug", "users", "create", name, name + "@scan.example.com",
                "--first-name", "Scan", "--last-name", "Password", "--user-password-file", newPassword.toString());
        rememberSimulatorCredentials(CliHarness.simulator());
    }

    private void eventsTail(SimulatorCredentials user) throws Exception {
        expect(0, "mkdir", "--portal", "files", "files", "mkdir", "-p", "My Files/scan-tail");
        try (CteraPortal writer = CteraPortal.builder().name("writer").baseUrl(CliHarness.simulator().baseUrl())
            .context(PortalContext.SERVICES_PORTAL).credentials(user.username(), user.password()).build()) {
            CompletableFuture<Result> tail = CompletableFuture.supplyAsync(() -> this.cli.run("--debug", "--portal",
                    "files", "events", "tail", "--count", "1", "--duration", "PT60S"));
            for (int i = 0; !tail.isDone(); i++) {
                Path upload = Files.writeString(this.directory.resolve("tail-" + i + ".txt"), "tail");
                writer.files().upload(upload, "My Files/scan-tail");
                rememberSimulatorCredentials(CliHarness.simulator());
                try {
                    tail.get(1, TimeUnit.SECONDS);
                }
                catch (TimeoutException ex) {
                    // not yet
                }
            }
            Result result = tail.get();
            assertThat(result.exitCode()).as(result.err()).isZero();
            record("events tail", result);
        }
    }

    // Every file under the command's home and working directory, but the password file (which must hold it) and the
    // configuration this test wrote (which holds the tokens and webhook secret by design).
    private void filesWritten(Path passwordFile) throws IOException {
        Set<Path> inputs = Set.of(passwordFile, this.cli.workingDirectory.resolve("application.yml"),
                this.cli.workingDirectory.resolve("config/application.yml"));
        try (Stream<Path> files = Stream.concat(Files.walk(this.cli.home), Files.walk(this.cli.workingDirectory))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!inputs.contains(file)) {
                    this.seen.put("file " + this.directory.relativize(file),
                            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertThat(this.seen.keySet()).as("files the commands wrote")
            .anySatisfy((source) -> assertThat(source).endsWith("application-scan.yml"))
            .anySatisfy((source) -> assertThat(source).endsWith("ctera.mv.db"));
    }

    private void expect(int exitCode, String label, String... args) {
        Result result = this.cli.run(args);
        assertThat(result.exitCode()).as(label + ": " + result.err()).isEqualTo(exitCode);
        record(label, result);
    }

    private void record(String label, Result result) {
        this.seen.put(label + " (stdout)", result.out());
        this.seen.put(label + " (stderr)", result.err());
    }

    // The scan must know every session id and token that was handed out.
    private void rememberSimulatorCredentials(CteraPortalSimulator simulator) {
        this.credentials.addAll(simulator.issuedSecrets());
    }
}
