package com.ctera.autoconfigure.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.bulk.BulkExecutor;
import com.ctera.client.bulk.BulkItemResult;
import com.ctera.client.bulk.BulkJob;
import com.ctera.client.bulk.BulkListener;
import com.ctera.client.bulk.BulkOptions;
import com.ctera.client.bulk.BulkResult;
import com.ctera.client.bulk.CteraBulk;
import com.ctera.client.bulk.ItemOutcome;
import com.ctera.client.users.NewUser;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Stopping the application while a bulk job runs loses nothing: every item is reported (succeeded, failed or
 * skipped), the portal holds exactly what the result says, no partial file stands under its final name (and the
 * abandoned download's {@code .part} file is deleted), and the close returns in bounded time.
 */
@Timeout(120)
class BulkShutdownTests {

    private static CteraPortalSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    private static ApplicationContextRunner runner(String url, String context, String username, String password,
            String grace) {
        List<String> properties = new ArrayList<>(List.of("ctera.portals.main.url=" + url,
                "ctera.portals.main.context=" + context, "ctera.portals.main.username=" + username,
                "ctera.portals.main.password=" + password, "ctera.bulk.shutdown-grace=" + grace));
        if (context.equals("admin")) {
            properties.add("ctera.portals.main.tenant=" + simulator.defaultTenant());
        }
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                    CteraBulkAutoConfiguration.class))
            .withPropertyValues(properties.toArray(String[]::new));
    }

    @Test
    void aJobRunningWhenTheApplicationStopsReportsEveryItemAndThePortalMatches() {
        String prefix = "sd" + Long.toString(System.nanoTime(), 36) + "-";
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = prefix + i;
            users.add(NewUser.builder(name).email(name + "@example.com").fullName("Shut", "Down")
                .password("Passw0rd!1").build());
        }
        // Every user call waits 100 ms, so the job is far from done when the application stops.
        simulator.faults().inject(FaultRule.forPath("/admin/api/users").delay(Duration.ofMillis(100))
            .times(Integer.MAX_VALUE));
        List<BulkJob> started = new ArrayList<>();
        runner(simulator.baseUrl().toString(), "admin", simulator.adminCredentials().username(),
                simulator.adminCredentials().password(), "20s").run(context -> {
                    CteraBulk bulk = context.getBean(CteraBulk.class);
                    BulkJob job = bulk.users().create(users, BulkOptions.DEFAULTS.withMaxConcurrency(4),
                            BulkListener.NONE);
                    started.add(job);
                    job.progress().filter(progress -> progress.done() >= 8).blockFirst(Duration.ofSeconds(60));

                    long closing = System.nanoTime();
                    context.close();
                    assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(20));
                    assertThat(job.isFinished()).isTrue();
                    assertThatIllegalStateException().isThrownBy(() -> bulk.users().create(users.subList(0, 1),
                            BulkOptions.DEFAULTS, BulkListener.NONE)).withMessageContaining("shut down");
                });

        BulkResult result = started.get(0).result().block(Duration.ofSeconds(5));
        assertThat(result.items()).hasSize(200);
        assertThat(result.count(ItemOutcome.SUCCEEDED) + result.count(ItemOutcome.SKIPPED)).as(result.toString())
            .isEqualTo(200);
        assertThat(result.count(ItemOutcome.SUCCEEDED)).isBetween(8, 199);
        assertThat(result.stoppedBy()).isEqualTo(BulkExecutor.SHUTDOWN_REASON);
        for (BulkItemResult item : result.items()) {
            assertThat(simulator.state().userExists(simulator.defaultTenant(), item.id())).as(item.toString())
                .isEqualTo(item.outcome() == ItemOutcome.SUCCEEDED);
            if (item.outcome() == ItemOutcome.SKIPPED) {
                assertThat(item.note()).isEqualTo("not started: " + BulkExecutor.SHUTDOWN_REASON);
            }
        }
    }

    @Test
    void aTransferStalledWhenTheApplicationStopsFailsWithinTheGraceAndLeavesNoFileUnderItsName(@TempDir Path temp)
            throws IOException {
        String tenant = simulator.defaultTenant();
        String owner = simulator.endUserCredentials().username();
        String folder = "My Files/shutdown-" + Long.toString(System.nanoTime(), 36);
        byte[] large = new byte[4 * 1024 * 1024];
        new Random(21).nextBytes(large);
        Path source = Files.createDirectories(temp.resolve("source"));
        Files.write(source.resolve("large.bin"), large);
        Files.writeString(source.resolve("small.txt"), "small");
        Path target = temp.resolve("target");
        List<BulkJob> started = new ArrayList<>();
        runner(simulator.baseUrl().toString(), "services-portal", owner, simulator.endUserCredentials().password(),
                "1s").run(context -> {
                    CteraBulk bulk = context.getBean(CteraBulk.class);
                    assertThat(bulk.files().upload(source, folder, BulkOptions.DEFAULTS, BulkListener.NONE).await()
                        .allSucceeded()).isTrue();
                    // The large file's download sends half its bytes, then nothing for a minute.
                    simulator.faults().inject(FaultRule.forPath("/ServicesPortal/webdav/" + folder.replace(" ", "%20")
                            + "/large.bin").stalledBody(Duration.ofMinutes(1)).times(100));
                    BulkJob job = bulk.files().download(folder, target, BulkOptions.DEFAULTS, BulkListener.NONE)
                        .block(Duration.ofSeconds(30));
                    started.add(job);
                    job.progress().filter(progress -> progress.bytes() > large.length / 4)
                        .blockFirst(Duration.ofSeconds(60));

                    long closing = System.nanoTime();
                    context.close();
                    assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(15));
                    assertThat(job.isFinished()).as("the stalled item was abandoned within the close").isTrue();
                });

        BulkResult result = started.get(0).result().block(Duration.ofSeconds(1));
        assertThat(result.items()).hasSize(2);
        BulkItemResult stalled = result.item(folder + "/large.bin").orElseThrow();
        assertThat(stalled.outcome()).as(result.toString()).isEqualTo(ItemOutcome.FAILED);
        assertThat(stalled.error()).isInstanceOf(CancellationException.class)
            .hasMessageContaining("whether the portal applied it is not known");
        assertThat(target.resolve("large.bin")).doesNotExist();
        try (Stream<Path> left = Files.list(target)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
        BulkItemResult small = result.item(folder + "/small.txt").orElseThrow();
        if (small.outcome() == ItemOutcome.SUCCEEDED) {
            assertThat(target.resolve("small.txt")).hasContent("small");
        }
        else {
            assertThat(target.resolve("small.txt")).doesNotExist();
        }
        assertThat(simulator.state().fileBytes(tenant, owner, folder + "/large.bin")).hasValue(large);
    }
}
