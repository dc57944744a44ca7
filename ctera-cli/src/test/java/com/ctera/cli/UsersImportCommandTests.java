package com.ctera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.ctera.cli.CliHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ctera users import} against the simulator: per-item results in every format, exit codes, bad files. */
class UsersImportCommandTests {

    private static final String HEADER = "name,email,first_name,last_name,password,role\n";

    private static final String PASSWORD = "Imp0rted-Secret!";

    // Names unique per run, since every test class shares one simulator.
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @TempDir
    Path directory;

    private CliHarness cli;

    @BeforeEach
    void harness() {
        this.cli = new CliHarness(this.directory);
    }

    @Test
    void importsEveryRowAndReportsEachUser() throws IOException {
        String first = newName();
        String second = newName();
        writeCsv("hires.csv", row(first, "EndUser") + row(second, "read-only-admin"));
        Result result = this.cli.run("users", "import", "hires.csv");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Map<String, Object>> items = JsonPath.read(result.out(), "$");
        assertThat(items).extracting((item) -> item.get("name")).containsExactly(first, second);
        assertThat(items).allSatisfy((item) -> assertThat(item).containsOnlyKeys("name", "result", "error")
            .containsEntry("result", "succeeded")
            .containsEntry("error", null));
        assertThat((String) JsonPath.read(this.cli.run("users", "get", second).out(), "$.role"))
            .isEqualTo("ReadOnlyAdmin");
        assertThat(result.err()).isEmpty();
        assertThat(result.all()).doesNotContain(PASSWORD);
    }

    @Test
    void someFailedIsAPartialFailureWithEachItemInEveryFormat() throws IOException {
        String created = newName();
        writeCsv("mixed.csv", row("alice", "EndUser") + row(created, "EndUser"));
        Result yaml = this.cli.run("users", "import", "mixed.csv", "--format", "yaml", "--max-concurrency", "1");
        assertThat(yaml.exitCode()).as(yaml.err()).isEqualTo(ExitCodes.PARTIAL_FAILURE);
        List<Map<String, Object>> items = new Yaml().load(yaml.out());
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).containsEntry("name", "alice").containsEntry("result", "failed");
        assertThat((String) items.get(0).get("error")).isNotBlank();
        assertThat(items.get(1)).containsEntry("name", created).containsEntry("result", "succeeded");
        assertThat(yaml.err().lines()).singleElement().asString().startsWith("alice: failed: ");

        // Every user of the file now exists, so each item fails: the failure's own code, not "partial".
        Result csv = this.cli.run("users", "import", "mixed.csv", "--format", "csv");
        assertThat(csv.exitCode()).isNotIn(ExitCodes.OK, ExitCodes.PARTIAL_FAILURE);
        assertThat(csv.out().lines().toList()).first().isEqualTo("name,result,error");
        assertThat(csv.out().lines().skip(1)).hasSize(2).allSatisfy((line) -> assertThat(line).contains(",failed,"));

        this.cli.outTerminal = true;
        Result table = this.cli.run("users", "import", "mixed.csv");
        assertThat(table.out().lines().toList().get(0)).matches("name\\s+result\\s+error");
        Result quiet = this.cli.run("-q", "users", "import", "mixed.csv");
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err().lines()).hasSize(2);
        assertThat(yaml.all() + csv.all() + table.all() + quiet.all()).doesNotContain(PASSWORD);
    }

    @Test
    void badRowsAreNamedByLineAndNothingIsSent() throws IOException {
        String good = newName();
        writeCsv("bad.csv", row(good, "EndUser") + "bad.one,,Bad,One," + PASSWORD + ",EndUser\n"
                + row(newName(), "Overlord"));
        Result result = this.cli.run("users", "import", "bad.csv");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        List<String> lines = result.err().lines().toList();
        assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("bad.csv:3: column 'email'"));
        assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("bad.csv:4: column 'role'"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("ctera users import: bad.csv has 2 problems (above); "
                + "nothing was sent");
        assertThat(result.all()).doesNotContain(PASSWORD);
        assertThat(this.cli.run("users", "get", good).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void missingFileAndBadOptionsAreRefusedBeforeAnythingIsSent() throws IOException {
        Result missing = this.cli.run("users", "import", "nowhere.csv");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err()).contains("no such file", "nowhere.csv");
        Result noFile = this.cli.run("users", "import");
        assertThat(noFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFile.err()).contains("FILE");
        String name = newName();
        writeCsv("one.csv", row(name, "EndUser"));
        Result html = this.cli.run("users", "import", "one.csv", "--format", "html");
        assertThat(html.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(html.err()).contains("--format html is for 'ctera reports' only");
        assertThat(this.cli.run("users", "get", name).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        Result policy = this.cli.run("users", "import", "one.csv", "--failure-policy", "sometimes");
        assertThat(policy.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(policy.err()).contains("--failure-policy", "CONTINUE, ABORT, ROLLBACK");
        Result concurrency = this.cli.run("users", "import", "one.csv", "--max-concurrency", "0");
        assertThat(concurrency.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(concurrency.err()).contains("oncurrency");
    }

    @Test
    void progressBarOnlyWhenStandardErrorIsATerminal() throws IOException {
        writeCsv("piped.csv", row(newName(), "EndUser") + row(newName(), "EndUser"));
        Result piped = this.cli.run("users", "import", "piped.csv");
        assertThat(piped.exitCode()).as(piped.err()).isZero();
        assertThat(piped.err()).isEmpty();

        writeCsv("terminal.csv", row(newName(), "EndUser") + row(newName(), "EndUser"));
        this.cli.errTerminal = true;
        Result terminal = this.cli.run("users", "import", "terminal.csv");
        assertThat(terminal.exitCode()).as(terminal.err()).isZero();
        assertThat(terminal.err()).startsWith("\rimport [").endsWith("100% 2/2\n");
        assertThat(terminal.out()).doesNotContain("\r", "[#");
    }

    private void writeCsv(String name, String rows) throws IOException {
        Files.writeString(this.cli.workingDirectory.resolve(name), HEADER + rows);
    }

    private static String row(String name, String role) {
        return name + "," + name + "@import.example.com,Imported," + name.replace('.', '-') + "," + PASSWORD + ","
                + role + "\n";
    }

    private static String newName() {
        return "imported" + ProcessHandle.current().pid() + "." + SEQUENCE.incrementAndGet();
    }
}
