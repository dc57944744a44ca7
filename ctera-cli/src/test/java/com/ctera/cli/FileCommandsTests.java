package com.ctera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.cli.CliHarness.Result;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ctera files} and {@code ctera events tail} against the simulator, as the end user of its services portal. */
class FileCommandsTests {

    @TempDir
    Path directory;

    private CliHarness cli;

    @BeforeEach
    void harness() {
        this.cli = new CliHarness(this.directory);
    }

    @Test
    void treeUploadListCopyMoveDownloadAndDelete() throws IOException {
        Path local = Files.createDirectories(this.directory.resolve("tree/inner"));
        Files.writeString(this.directory.resolve("tree/a.txt"), "alpha");
        Files.writeString(local.resolve("b.txt"), "bravo, with a comma");

        assertThat(files("mkdir", "-p", "My Files/cli/tree-test").exitCode()).isZero();
        Result uploaded = files("upload", "-r", this.directory.resolve("tree").toString(), "My Files/cli/tree-test");
        assertThat(uploaded.exitCode()).as(uploaded.err()).isZero();
        assertThat((List<String>) JsonPath.read(uploaded.out(), "$[*].path")).containsExactly(
                "My Files/cli/tree-test/tree/a.txt", "My Files/cli/tree-test/tree/inner",
                "My Files/cli/tree-test/tree/inner/b.txt");
        assertThat(uploaded.err()).as("no progress bar when stderr is not a terminal").isEmpty();

        Result tree = files("list", "-r", "My Files/cli/tree-test", "--format", "csv");
        assertThat(tree.out().lines().map((line) -> line.replaceAll(",[^,]*,[^,]*$", ""))).containsExactly(
                "path,type,size", "My Files/cli/tree-test/tree,folder,", "My Files/cli/tree-test/tree/a.txt,file,5",
                "My Files/cli/tree-test/tree/inner,folder,", "My Files/cli/tree-test/tree/inner/b.txt,file,19");
        assertThat(tree.out()).endsWith("ReadWrite\r\n");

        Result folderWithoutR = files("copy", "My Files/cli/tree-test/tree", "My Files/cli");
        assertThat(folderWithoutR.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(folderWithoutR.err()).contains("is a folder; use -r");
        assertThat(files("mkdir", "My Files/cli/copies").exitCode()).isZero();
        assertThat(files("copy", "-r", "My Files/cli/tree-test/tree", "My Files/cli/copies").exitCode()).isZero();
        Result moved = files("move", "My Files/cli/copies/tree/a.txt", "My Files/cli/copies/tree/inner", "--format",
                "yaml");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).isEqualTo("- path: \"My Files/cli/copies/tree/inner/a.txt\"\n  result: \"moved\"\n");

        Path downloads = Files.createDirectories(this.directory.resolve("downloads"));
        Result downloaded = files("download", "-r", "My Files/cli/copies/tree", downloads.toString());
        assertThat(downloaded.exitCode()).as(downloaded.err()).isZero();
        assertThat(downloads.resolve("tree/inner/a.txt")).hasContent("alpha");
        assertThat(downloads.resolve("tree/inner/b.txt")).hasContent("bravo, with a comma");
        assertThat(downloads.resolve("tree/a.txt")).doesNotExist();

        assertThat(files("delete", "-r", "My Files/cli/copies", "My Files/cli/tree-test").exitCode()).isZero();
        assertThat(files("list", "My Files/cli", "-q").out().lines()).isEmpty();
        Result missing = files("download", "My Files/cli/copies/tree/inner/a.txt", downloads.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void aTreeUploadWithAFailedFileIsAPartialFailure() throws IOException {
        Path local = Files.createDirectories(this.directory.resolve("partial"));
        Files.writeString(local.resolve("a-refused.txt"), "refused");
        Files.writeString(local.resolve("b-kept.txt"), "kept");
        // The portal refuses the first upload only; the command must report it and go on with the next file.
        CliHarness.simulator().faults().inject(FaultRule.forOperation("files.upload").status(400));
        Result result = files("upload", "-r", local.toString(), "My Files/partial-test");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.PARTIAL_FAILURE);
        assertThat(result.err().lines()).singleElement().asString()
            .startsWith("My Files/partial-test/a-refused.txt: files.upload failed: HTTP 400");
        assertThat((List<String>) JsonPath.read(result.out(), "$[*].path"))
            .containsExactly("My Files/partial-test/b-kept.txt");
    }

    @Test
    void eventsTailFollowsTheChangeFeedFromNow() throws Exception {
        assertThat(files("mkdir", "-p", "My Files/tail-test").exitCode()).isZero();
        // The changes come from a plain client: a second command in this JVM would start a second Spring context
        // while the tail's starts, and the two would reset the logging under each other (one command runs per process).
        SimulatorCredentials user = CliHarness.simulator().endUserCredentials();
        Result result;
        try (CteraPortal writer = CteraPortal.builder().name("writer").baseUrl(CliHarness.simulator().baseUrl())
            .context(PortalContext.SERVICES_PORTAL).credentials(user.username(), user.password()).build()) {
            CompletableFuture<Result> tail = CompletableFuture.supplyAsync(
                    () -> this.cli.run("--portal", "files", "events", "tail", "--count", "1", "--duration", "PT60S"));
            // The tail starts from the end of the feed: keep making changes until it reports one.
            for (int i = 0; !tail.isDone(); i++) {
                Path upload = Files.writeString(this.directory.resolve("fresh-" + i + ".txt"), "fresh");
                writer.files().upload(upload, "My Files/tail-test");
                try {
                    tail.get(1, TimeUnit.SECONDS);
                }
                catch (TimeoutException ex) {
                    // not yet
                }
            }
            result = tail.get();
        }
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(1);
        Map<String, Object> event = JsonPath.read(lines.get(0), "$");
        assertThat(event).containsOnlyKeys("time", "event", "type", "path", "size", "guid")
            .containsEntry("event", "changed");
        assertThat((String) event.get("path")).contains("tail-test");
    }

    private Result files(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--portal";
        all[1] = "files";
        all[2] = "files";
        System.arraycopy(args, 0, all, 3, args.length);
        return this.cli.run(all);
    }
}
