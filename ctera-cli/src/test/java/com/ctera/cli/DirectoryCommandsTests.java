package com.ctera.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.ctera.cli.CliHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ctera portals}, {@code users}, {@code devices} and {@code logs} against the simulator, in every format. */
class DirectoryCommandsTests {

    @TempDir
    Path directory;

    private CliHarness cli;

    @BeforeEach
    void harness() {
        this.cli = new CliHarness(this.directory);
    }

    @Test
    void usersListIsJsonWhenPipedWithStableColumns() {
        Result result = this.cli.run("users", "list");
        assertThat(result.exitCode()).isZero();
        List<Map<String, Object>> users = JsonPath.read(result.out(), "$");
        assertThat(users).extracting((user) -> user.get("name")).contains("alice", "morgan.reed");
        assertThat(users.get(0)).containsOnlyKeys("name", "email", "firstName", "lastName", "role", "company", "uid");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void usersListIsATableOnATerminal() {
        this.cli.outTerminal = true;
        Result result = this.cli.run("users", "list", "--name-like", "alice");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("name").contains("email", "firstName", "lastName", "role", "company", "uid");
        assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("alice ").contains("alice@acme.example.com"));
    }

    @Test
    void usersListAsYamlCsvAndQuiet() {
        List<Map<String, Object>> yaml = new Yaml().load(this.cli.run("users", "list", "--format", "yaml").out());
        assertThat(yaml).anySatisfy((user) -> assertThat(user).containsEntry("name", "alice")
            .containsEntry("role", "EndUser"));
        List<String> csv = this.cli.run("users", "list", "--format=CSV").out().lines().toList();
        assertThat(csv.get(0)).isEqualTo("name,email,firstName,lastName,role,company,uid");
        assertThat(csv).anySatisfy((line) -> assertThat(line).startsWith("alice,alice@acme.example.com,Alice,"));
        assertThat(this.cli.run("--quiet", "users", "list").out().lines()).contains("alice", "morgan.reed")
            .allSatisfy((line) -> assertThat(line).doesNotContain(" ", ","));
    }

    @Test
    void userLifecycle() {
        this.cli.variables.put("NEW_USER_PASSWORD", "N3w-User-Secret!");
        Result created = this.cli.run("users", "create", "cli.tester", "cli.tester@example.com", "--first-name", "Cli",
                "--last-name", "Tester", "--role", "read-only-admin", "--user-password-env", "NEW_USER_PASSWORD");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat((List<String>) JsonPath.read(created.out(), "$[*].result")).containsExactly("created");

        Result modified = this.cli.run("users", "modify", "cli.tester", "--last-name", "Changed", "--role", "EndUser");
        assertThat(modified.exitCode()).as(modified.err()).isZero();

        Result shown = this.cli.run("users", "get", "cli.tester", "--format", "json");
        assertThat((String) JsonPath.read(shown.out(), "$.lastName")).isEqualTo("Changed");
        assertThat((String) JsonPath.read(shown.out(), "$.role")).isEqualTo("EndUser");
        this.cli.outTerminal = true;
        assertThat(this.cli.run("users", "get", "cli.tester").out().lines()).contains("field      value")
            .anySatisfy((line) -> assertThat(line).matches("lastName\\s+Changed"));

        assertThat(this.cli.run("-q", "users", "delete", "cli.tester").out()).isEmpty();
        Result gone = this.cli.run("users", "get", "cli.tester");
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(gone.err().lines()).singleElement().asString().startsWith("ctera users get: ").contains("cli.tester");
        assertThat(created.all() + modified.all() + shown.all()).doesNotContain("N3w-User-Secret!");
    }

    @Test
    void modifyWithNothingToChangeIsAUsageError() {
        Result result = this.cli.run("users", "modify", "alice");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("nothing to change", "--email");
    }

    @Test
    void devicesListAndGet() {
        List<String> csv = this.cli.run("devices", "list", "--format", "csv").out().lines().toList();
        assertThat(csv.get(0)).isEqualTo("name,tenant,type,version,connected,owner,uid");
        assertThat(csv).anySatisfy((line) -> assertThat(line).startsWith("FSRV1,acme,vGateway,7.8.3030.0,true,"));
        Map<String, Object> device = new Yaml().load(this.cli.run("devices", "get", "LAB-C200", "--tenant", "acme",
                "--format", "yaml").out());
        assertThat(device).containsEntry("type", "C200").containsEntry("owner", "noah.brown");
        assertThat(this.cli.run("devices", "get", "--tenant=acme", "NO-SUCH").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        Result noTenant = this.cli.run("devices", "get", "LAB-C200");
        assertThat(noTenant.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTenant.err()).contains("--tenant");
    }

    @Test
    void logsQuery() {
        Result result = this.cli.run("logs", "query", "--topic", "access", "--limit", "3");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Map<String, Object>> records = JsonPath.read(result.out(), "$");
        assertThat(records).hasSizeBetween(1, 3).allSatisfy((record) -> assertThat(record)
            .containsOnlyKeys("time", "topic", "severity", "originType", "origin", "logName", "message")
            .containsEntry("topic", "access"));
        Result bad = this.cli.run("logs", "query", "--min-severity", "loud");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--min-severity", "loud", "WARNING");
        Result denied = this.cli.run("--portal", "files", "logs", "query");
        assertThat(denied.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(denied.err()).contains("rights");
    }

    @Test
    void portalsShowsEachPortalAndItsHealth() {
        Result result = this.cli.run("portals", "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat((List<String>) JsonPath.read(result.out(), "$[*].name")).containsExactlyInAnyOrder("admin", "files");
        assertThat((List<String>) JsonPath.read(result.out(), "$[*].status")).containsOnly("UP");
    }
}
