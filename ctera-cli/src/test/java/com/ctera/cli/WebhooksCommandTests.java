package com.ctera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.ctera.cli.CliHarness.Result;
import com.ctera.client.webhooks.WebhookOutbox.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ctera webhooks list|replay} on the H2 store file an application left: its configured endpoints with their
 * stored state and counts, in every format; replayed dead deliveries that the application sends when it runs again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhooksCommandTests {

    private static final List<String> COLUMNS = List.of("name", "url", "state", "pending", "inFlight", "dead", "held",
            "delivered", "disabledReason", "lastError");

    @TempDir
    static Path directory;

    private static WebhookApplication application;

    private static CliHarness cli;

    @BeforeAll
    static void applicationLeftDeadDeliveries() throws IOException {
        cli = new CliHarness(directory);
        application = new WebhookApplication(cli.workingDirectory.resolve("store/ctera").toAbsolutePath());
        application.run(3, (counts) -> WebhookApplication.count(counts, "hooks", Status.DEAD) == 3
                && WebhookApplication.count(counts, "audit", Status.DEAD) == 3
                && WebhookApplication.count(counts, "gone", Status.DISABLED) == 3);
        // The command's configuration names the store relative to its working directory.
        Files.createDirectories(cli.workingDirectory.resolve("config"));
        Files.writeString(cli.workingDirectory.resolve("config/application.yml"),
                application.commandConfiguration("./store/ctera"));
    }

    @AfterAll
    static void stopReceiver() {
        application.close();
    }

    @Test
    @Order(1)
    void listShowsEachEndpointWithItsStateAndCountsAsJson() {
        Result result = cli.run("webhooks", "list");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        List<Map<String, Object>> endpoints = JsonPath.read(result.out(), "$");
        assertThat(endpoints).extracting((endpoint) -> endpoint.get("name"))
            .containsExactly("audit", "gone", "hooks", "paused");
        assertThat(endpoints).allSatisfy((endpoint) -> assertThat(endpoint.keySet()).containsExactlyElementsOf(COLUMNS));
        Map<String, Object> audit = endpoints.get(0);
        assertThat(audit).containsEntry("url", null).containsEntry("state", "enabled").containsEntry("dead", 3)
            .containsEntry("pending", 0);
        assertThat((String) audit.get("lastError")).contains("audit log unavailable");
        assertThat(endpoints.get(1)).containsEntry("url", application.receiverUrl() + "/gone")
            .containsEntry("state", "disabled")
            .containsEntry("held", 3)
            .containsEntry("disabledReason", "the endpoint answered 410 Gone");
        assertThat(endpoints.get(2)).containsEntry("state", "enabled").containsEntry("dead", 3)
            .containsEntry("delivered", 0);
        assertThat((String) endpoints.get(2).get("lastError")).contains("500");
        assertThat(endpoints.get(3)).containsEntry("state", "off").containsEntry("dead", 0);
        assertThat(result.all()).doesNotContain(WebhookApplication.SECRET, WebhookApplication.SECRET.substring(6));
    }

    @Test
    @Order(2)
    void listAsTableYamlCsvAndQuiet() {
        cli.outTerminal = true;
        try {
            List<String> table = cli.run("webhooks", "list").out().lines().toList();
            assertThat(table.get(0)).matches("name\\s+url\\s+state\\s+pending\\s+inFlight\\s+dead\\s+held\\s+delivered"
                    + "\\s+disabledReason\\s+lastError");
            assertThat(table).anySatisfy((line) -> assertThat(line).matches("hooks\\s+http://127\\.0\\.0\\.1:\\d+/hook"
                    + "\\s+enabled\\s+0\\s+0\\s+3\\s+0\\s+0\\s+.*500.*"));
        }
        finally {
            cli.outTerminal = false;
        }
        List<Map<String, Object>> yaml = new Yaml().load(cli.run("webhooks", "list", "--format", "yaml").out());
        assertThat(yaml).anySatisfy((endpoint) -> assertThat(endpoint).containsEntry("name", "gone")
            .containsEntry("state", "disabled")
            .containsEntry("held", 3));
        List<String> csv = cli.run("webhooks", "list", "--format", "csv").out().lines().toList();
        assertThat(csv.get(0)).isEqualTo(String.join(",", COLUMNS));
        assertThat(csv).anySatisfy((line) -> assertThat(line).startsWith("audit,,enabled,0,0,3,0,0,,"));
        assertThat(cli.run("-q", "webhooks", "list").out().lines()).containsExactly("audit", "gone", "hooks", "paused");
    }

    @Test
    @Order(3)
    void anUnknownEndpointIsNotFoundAndNamesTheKnownOnes() {
        Result result = cli.run("webhooks", "replay", "hookz");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err().lines()).singleElement().asString()
            .isEqualTo("ctera webhooks replay: no webhook endpoint 'hookz'; known: audit, gone, hooks, paused");
        assertThat(result.out()).isEmpty();
        Result missing = cli.run("webhooks", "replay");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Missing required parameter: 'NAME'");
        List<Map<String, Object>> endpoints = JsonPath.read(cli.run("webhooks", "list").out(), "$");
        assertThat(endpoints).filteredOn((endpoint) -> endpoint.get("name").equals("hooks"))
            .singleElement()
            .satisfies((hooks) -> assertThat(hooks).containsEntry("dead", 3));
    }

    @Test
    @Order(4)
    void replayMakesDeadDeliveriesDueAndTheApplicationSendsThem() {
        Result replay = cli.run("webhooks", "replay", "hooks");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out().strip()).isEqualTo("[\n  {\"name\": \"hooks\", \"replayed\": 3, \"state\": \"enabled\"}\n]");
        Result yaml = cli.run("webhooks", "replay", "gone", "--format", "yaml");
        assertThat(yaml.out()).isEqualTo("- name: \"gone\"\n  replayed: 0\n  state: \"disabled\"\n");
        List<Map<String, Object>> endpoints = JsonPath.read(cli.run("webhooks", "list").out(), "$");
        assertThat(endpoints).filteredOn((endpoint) -> endpoint.get("name").equals("hooks"))
            .singleElement()
            .satisfies((hooks) -> assertThat(hooks).containsEntry("dead", 0).containsEntry("pending", 3));

        // The application starts again, its receiver now up: the replayed rows go out, nothing else.
        application.hooksStatus.set(204);
        application.run(0, (counts) -> WebhookApplication.count(counts, "hooks", Status.DELIVERED) == 3);
        assertThat(application.accepted).hasSize(3).doesNotHaveDuplicates();
        Result after = cli.run("webhooks", "list", "--format", "csv");
        assertThat(after.out().lines()).anySatisfy((line) -> assertThat(line).startsWith("hooks,")
            .contains(",enabled,0,0,0,0,3,"));
    }

    @Test
    @Order(5)
    void aStoreThatIsNotThereIsNamedAndNotCreated() {
        Result result = cli.run("webhooks", "list", "--format", "json",
                "--profile", "elsewhere");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        Path elsewhere = directory.resolve("elsewhere");
        CliHarness other = new CliHarness(elsewhere);
        Result missing = other.run("webhooks", "list");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.OTHER);
        Path expected = other.workingDirectory.resolve("ctera-store/ctera.mv.db").toAbsolutePath().normalize();
        assertThat(missing.err().lines()).singleElement().asString()
            .startsWith("ctera webhooks list: no webhook store at " + expected + ": set ctera.store.path");
        assertThat(Files.exists(expected)).as("the command creates no store").isFalse();
    }
}
