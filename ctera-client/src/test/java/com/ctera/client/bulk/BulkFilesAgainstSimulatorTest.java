package com.ctera.client.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.client.CteraPortal;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.PortalContext;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk files against the simulator: trees up and down with identical bytes, and a hostile listing contained. */
class BulkFilesAgainstSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static CteraPortalSimulator simulator;

    private static CteraPortal user;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        user = endUser(simulator.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        user.close();
        simulator.close();
    }

    private static CteraPortal endUser(String baseUrl) {
        SimulatorCredentials credentials = simulator.endUserCredentials();
        return CteraPortal.builder().name("bulk-files").baseUrl(baseUrl).context(PortalContext.SERVICES_PORTAL)
            .credentials(credentials.username(), credentials.password()).readTimeout(Duration.ofSeconds(30))
            .taskPollInterval(Duration.ofMillis(20)).build();
    }

    @Test
    void aTreeOfTwoHundredFilesGoesUpAndComesBackWithTwoHundredDownloadsInFlight(@TempDir Path temp)
            throws IOException {
        Path source = temp.resolve("source");
        Random random = new Random(200);
        long totalBytes = 0;
        for (int folder = 0; folder < 10; folder++) {
            Path directory = Files.createDirectories(source.resolve("dir-" + folder));
            for (int file = 0; file < 20; file++) {
                byte[] content = new byte[1 + random.nextInt((file == 0) ? 300_000 : 20_000)];
                random.nextBytes(content);
                Files.write(directory.resolve("file-" + file + ".bin"), content);
                totalBytes += content.length;
            }
        }
        CteraBulk bulk = CteraBulk.of(user);
        List<BulkProgress> uploadEvents = Collections.synchronizedList(new ArrayList<>());
        BulkResult uploaded = bulk.files().upload(source, "My Files/bulk-tree",
                BulkOptions.DEFAULTS.withMaxConcurrency(32), uploadEvents::add).result().block(WAIT);
        assertThat(uploaded.failed()).isEmpty();
        assertThat(uploaded.items()).hasSize(210);
        assertThat(uploaded.counts().bytes()).isEqualTo(totalBytes);
        BulkProgressAssertions.assertMonotonicAndFinal(uploadEvents, uploaded);

        Path target = temp.resolve("target");
        List<BulkProgress> events = Collections.synchronizedList(new ArrayList<>());
        // Each download waits a second at the portal, so the whole tree is in flight at once however fast the
        // machine moves the bytes (a download holds no thread while it waits).
        simulator.faults().inject(FaultRule.forOperation("files.download").delay(Duration.ofSeconds(1)).times(200));
        BulkResult downloaded;
        try {
            downloaded = bulk.files().download("My Files/bulk-tree", target,
                    BulkOptions.DEFAULTS.withMaxConcurrency(256), events::add).block(WAIT).result().block(WAIT);
        }
        finally {
            simulator.faults().clear();
        }
        assertThat(downloaded.failed()).isEmpty();
        assertThat(downloaded.count(ItemOutcome.SUCCEEDED)).isEqualTo(210);
        assertThat(downloaded.counts().bytes()).isEqualTo(totalBytes);
        assertThat(events.stream().mapToInt(BulkProgress::inFlight).max().orElseThrow()).isGreaterThanOrEqualTo(200);
        BulkProgressAssertions.assertMonotonicAndFinal(events, downloaded);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                assertThat(Files.mismatch(file, copy)).as("%s", copy).isEqualTo(-1L);
            }
        }
        try (Stream<Path> files = Files.walk(target)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(200);
        }
    }

    @Test
    void aHostileListingWritesNothingOutsideTheTargetDirectory(@TempDir Path temp) throws IOException {
        String folder = "My Files/hostile";
        user.files().mkdirs(folder + "/sub");
        for (String name : List.of("hostile-dotdot", "hostile-slash", "fine.txt")) {
            user.files().upload(new java.io.ByteArrayInputStream(name.getBytes()), folder, name);
        }
        user.files().upload(new java.io.ByteArrayInputStream("inner".getBytes()), folder + "/sub", "inner.txt");
        Path target = temp.resolve("inside").resolve("target");
        // The proxy renames two items in every listing: one to "..", one to a path that climbs out. The client
        // refuses such a listing as a malformed answer (FileNames), before the job can use a name.
        try (RewritingProxy proxy = new RewritingProxy(simulator.baseUrl(), Map.of("<val>hostile-dotdot</val>",
                "<val>..</val>", "<val>hostile-slash</val>", "<val>../../outside.txt</val>"));
                CteraPortal hostile = endUser(proxy.baseUrl().toString())) {
            assertThatThrownBy(() -> CteraBulk.of(hostile).files().download(folder, target, BulkOptions.DEFAULTS,
                    BulkListener.NONE).block(WAIT).result().block(WAIT))
                .isInstanceOf(CteraProtocolException.class)
                .hasMessageContaining("the portal sent the name");
        }
        try (Stream<Path> everything = Files.walk(temp)) {
            assertThat(everything.filter(Files::isRegularFile))
                .allSatisfy(path -> assertThat(path).startsWith(target));
        }
    }

    @Test
    void movesRolledBackAfterAFailureInTheMiddleGoBackWhereTheyCameFrom() {
        List<String> paths = filesIn("My Files/rb-move", 10);
        user.files().mkdirs("My Files/rb-move-to");
        Map<String, String> before = contents(paths);
        BulkResult result = CteraBulk.of(user).files().move(withMissingPathAt(5, paths), "My Files/rb-move-to",
                ROLLBACK_TWO_AT_A_TIME, BulkListener.NONE).await();

        assertRolledBackAroundOneFailure(result, 5);
        assertThat(contents(paths)).isEqualTo(before);
        for (String path : paths) {
            assertThat(simulator.state().exists(tenant(), owner(), "My Files/rb-move-to/" + nameOf(path), false))
                .isFalse();
        }
    }

    @Test
    void copiesRolledBackAfterAFailureInTheMiddleAreDeleted() {
        List<String> paths = filesIn("My Files/rb-copy", 10);
        user.files().mkdirs("My Files/rb-copy-to");
        Map<String, String> before = contents(paths);
        BulkResult result = CteraBulk.of(user).files().copy(withMissingPathAt(5, paths), "My Files/rb-copy-to",
                ROLLBACK_TWO_AT_A_TIME, BulkListener.NONE).await();

        assertRolledBackAroundOneFailure(result, 5);
        assertThat(contents(paths)).isEqualTo(before);
        for (String path : paths) {
            assertThat(simulator.state().exists(tenant(), owner(), "My Files/rb-copy-to/" + nameOf(path), false))
                .isFalse();
        }
    }

    @Test
    void deletionsRolledBackAfterAFailureInTheMiddleComeBackFromTheRecycleBin() {
        List<String> paths = filesIn("My Files/rb-delete", 10);
        Map<String, String> before = contents(paths);
        BulkResult result = CteraBulk.of(user).files().delete(withMissingPathAt(5, paths), ROLLBACK_TWO_AT_A_TIME,
                BulkListener.NONE).await();

        assertRolledBackAroundOneFailure(result, 5);
        assertThat(contents(paths)).isEqualTo(before);
    }

    private static final BulkOptions ROLLBACK_TWO_AT_A_TIME = BulkOptions.DEFAULTS.withMaxConcurrency(2)
        .withFailurePolicy(FailurePolicy.ROLLBACK);

    private static String tenant() {
        return simulator.defaultTenant();
    }

    private static String owner() {
        return simulator.endUserCredentials().username();
    }

    private static List<String> filesIn(String folder, int count) {
        user.files().mkdirs(folder);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            user.files().upload(new java.io.ByteArrayInputStream((folder + " file " + i).getBytes()), folder,
                    "f" + i + ".txt");
            paths.add(folder + "/f" + i + ".txt");
        }
        return paths;
    }

    private static List<String> withMissingPathAt(int index, List<String> paths) {
        List<String> items = new ArrayList<>(paths);
        items.add(index, paths.get(0).substring(0, paths.get(0).lastIndexOf('/')) + "/no-such-file.txt");
        return items;
    }

    /** Each path's content as text, or {@code (missing)}. */
    private static Map<String, String> contents(List<String> paths) {
        Map<String, String> contents = new java.util.TreeMap<>();
        for (String path : paths) {
            contents.put(path, simulator.state().fileBytes(tenant(), owner(), path).map(String::new)
                .orElse("(missing)"));
        }
        return contents;
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The failed item is named, every item before it is rolled back, none stands, and nothing is silent. */
    private static void assertRolledBackAroundOneFailure(BulkResult result, int failedIndex) {
        assertThat(result.items()).hasSize(11);
        assertThat(result.items().get(failedIndex).outcome()).as(result.toString()).isEqualTo(ItemOutcome.FAILED);
        assertThat(result.count(ItemOutcome.SUCCEEDED)).as(result.toString()).isZero();
        assertThat(result.count(ItemOutcome.ROLLBACK_FAILED)).as(result.toString()).isZero();
        for (BulkItemResult item : result.items()) {
            if (item.index() < failedIndex) {
                assertThat(item.outcome()).as(item.toString()).isEqualTo(ItemOutcome.ROLLED_BACK);
            }
            if (item.outcome() == ItemOutcome.SKIPPED) {
                assertThat(item.index()).isGreaterThan(failedIndex);
            }
            assertThat(item.rolledBackInPart()).isFalse();
        }
    }

    @Test
    void copyAndDeleteReportEachPath() {
        String folder = "My Files/bulk-copy";
        user.files().mkdirs(folder + "/to");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            user.files().upload(new java.io.ByteArrayInputStream(("c" + i).getBytes()), folder, "c" + i + ".txt");
            paths.add(folder + "/c" + i + ".txt");
        }
        CteraBulk bulk = CteraBulk.of(user);
        BulkResult copied = bulk.files().copy(paths, folder + "/to", BulkOptions.DEFAULTS, BulkListener.NONE).await();
        assertThat(copied.allSucceeded()).isTrue();
        String tenant = simulator.defaultTenant();
        String owner = simulator.endUserCredentials().username();
        for (int i = 0; i < 3; i++) {
            assertThat(simulator.state().fileBytes(tenant, owner, folder + "/to/c" + i + ".txt")).isPresent();
        }
        List<String> missing = new ArrayList<>(paths);
        missing.add(folder + "/no-such-file.txt");
        BulkResult deleted = bulk.files().delete(missing, BulkOptions.DEFAULTS, BulkListener.NONE).await();
        assertThat(deleted.succeeded()).hasSize(3);
        assertThat(deleted.failed()).singleElement().extracting(BulkItemResult::id)
            .isEqualTo(folder + "/no-such-file.txt");
        for (String path : paths) {
            assertThat(simulator.state().exists(tenant, owner, path, false)).isFalse();
        }
    }
}
