package com.ctera.cli;

import java.io.IOException;
import java.nio.file.Files;
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

/** {@code ctera reports} against the simulator's seeded 90 days: each type, each format, bad input. */
class ReportsCommandTests {

    @TempDir
    Path directory;

    private CliHarness cli;

    @BeforeEach
    void harness() {
        this.cli = new CliHarness(this.directory);
    }

    @Test
    void storageReportAsHtmlToAFileNamedByItsExtension() throws IOException {
        Result result = this.cli.run("reports", "--type", "storage", "--output", "storage.html");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Object> written = JsonPath.read(result.out(), "$[0]");
        assertThat(written).containsEntry("type", "storage").containsEntry("format", "html")
            .containsEntry("result", "written");
        String html = Files.readString(this.cli.workingDirectory.resolve("storage.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "Storage use, last 90 days")
            .doesNotContain("<script");
    }

    @Test
    void activityReportAsCsvOnStandardOutput() {
        Result result = this.cli.run("reports", "--type", "activity", "--format", "csv", "--limit", "3");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("user,logins,fileOperations");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).matches("[^,]+,\\d+,\\d+");
    }

    @Test
    void securityReportAsJsonNamesTheSeededFindings() {
        Result result = this.cli.run("reports", "--type=SECURITY", "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat((List<String>) JsonPath.read(result.out(), "$.columns"))
            .containsExactly("finding", "subject", "from", "to", "count", "detail");
        List<String> findings = JsonPath.read(result.out(), "$.rows[*].finding");
        assertThat(findings).contains("failed-logins-by-user", "failed-logins-by-address", "access-denied");
        assertThat(findings.stream().filter("access-denied"::equals)).hasSize(5);
    }

    @Test
    void complianceReportAsYamlForTheChosenStandard() throws IOException {
        Result result = this.cli.run("reports", "--type", "compliance", "--standard", "hipaa", "--format", "yaml",
                "--output", "hipaa.txt");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Object> report = new Yaml().load(Files.readString(this.cli.workingDirectory.resolve("hipaa.txt")));
        assertThat((String) report.get("title")).startsWith("HIPAA checks, ");
        List<Map<String, Object>> checks = (List<Map<String, Object>>) report.get("rows");
        assertThat(checks).isNotEmpty().allSatisfy((check) -> assertThat(check.get("status"))
            .isIn("PASS", "FAIL", "CANNOT_DETERMINE"));
        assertThat(checks).anySatisfy((check) -> assertThat(check).containsEntry("status", "FAIL"));
    }

    @Test
    void badInputIsAUsageErrorNamingWhatIsAllowed() {
        Result unknown = this.cli.run("reports", "--type", "sales");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--type", "sales", "STORAGE, ACTIVITY, SECURITY, COMPLIANCE");
        Result missing = this.cli.run("reports");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--type");
        Result table = this.cli.run("reports", "--type", "activity", "--format", "table");
        assertThat(table.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(table.err()).contains("json, csv, yaml or html");
        Result days = this.cli.run("reports", "--type", "activity", "--days", "0");
        assertThat(days.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(days.err()).contains("--days");
        Result htmlElsewhere = this.cli.run("users", "list", "--format", "html");
        assertThat(htmlElsewhere.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(htmlElsewhere.err()).contains("--format html is for 'ctera reports' only");
    }

    @Test
    void anEndUserLacksTheRightsToReadTheLogs() {
        Result denied = this.cli.run("--portal", "files", "reports", "--type", "activity");
        assertThat(denied.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(denied.err()).startsWith("ctera reports: ").contains("rights");
        assertThat(denied.all()).doesNotContain(CliHarness.USER_PASSWORD);
    }
}
