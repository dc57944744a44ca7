package com.ctera.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.client.files.FileInfo;
import com.ctera.client.logs.LogQuery;
import com.ctera.client.logs.LogTopic;
import com.ctera.client.notifications.Ancestor;
import com.ctera.client.notifications.ChangeBatch;
import com.ctera.client.notifications.ChangeEntry;
import com.ctera.client.reports.ReportName;
import com.ctera.client.resilience.RetryInterceptor;
import com.ctera.client.resilience.RetryPolicy;
import com.ctera.client.tasks.PendingTask;
import com.ctera.client.users.NewUser;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The fault matrix of issue 21 beyond the core calls of {@link FaultMatrixTest}: one operation of every client area
 * (users, devices, logs, statistics, reports, cloud drive files, uploads, downloads, background tasks, the change
 * feed) under every simulator fault, aimed at that operation's own requests. Each case ends, within a bound, with its
 * correct result or a {@link CteraException}, and gives its connections back; a run of failing calls across the areas
 * then leaves no connection held and no file descriptor open. Retries are off, so every fault reaches the caller.
 *
 * <p>{@code -Dctera.faultMatrix.areaFailingCalls=10000} runs the long form of the failing-calls check (docs/reliability.md).
 */
class AreaFaultMatrixTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    /** Past every timeout below: the attempt timeout of API calls and the read timeout of transfers. */
    private static final Duration PAST_TIMEOUTS = Duration.ofMillis(1200);

    private static final String WORK = "My Files/matrix";

    private static final byte[] CONTENT = FilesTest.bytes(64 * 1024, 7);

    /** The start of the names of the users the matrix adds; the listing leaves them out, as they come and go. */
    private static final String NEW_USERS = "matrix.user";

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private static CteraPortalSimulator simulator;

    private static CteraPortal admin;

    private static CteraPortal tenantAdmin;

    private static CteraPortal user;

    private static long folderId;

    private static String fixedGuid;

    private static LocalDateTime started;

    @TempDir
    static Path local;

    /**
     * One client operation: the simulator operation its faults aim at, what is set up before the fault is armed,
     * the call itself, and how its result is checked once the faults are cleared (the check of a mutation reads its
     * effect back). A case is correct when the check gives what it gives without faults.
     */
    private record Operation(String target, Supplier<@Nullable Object> prepare,
            Function<@Nullable Object, @Nullable Object> call,
            BiFunction<@Nullable Object, @Nullable Object, @Nullable Object> check) {

        static Operation reading(String target, Supplier<@Nullable Object> read) {
            return new Operation(target, () -> null, ignored -> read.get(), (prepared, returned) -> returned);
        }

        /** A call on what {@code prepare} made, checked by reading back its effect on that. */
        static Operation mutating(String target, Supplier<Object> prepare, Consumer<Object> call,
                Function<Object, Object> effect) {
            return new Operation(target, prepare::get, prepared -> {
                call.accept(prepared);
                return null;
            }, (prepared, returned) -> effect.apply(prepared));
        }
    }

    private static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("users.list", Operation.reading("users.query",
                () -> tenantAdmin.users().list().map(u -> u.name()).filter(n -> !n.startsWith(NEW_USERS)).sorted()
                        .toList()));
        OPERATIONS.put("users.get", Operation.reading("users.get",
                () -> tenantAdmin.users().get(simulator.endUserCredentials().username()).email()));
        OPERATIONS.put("users.add", Operation.mutating("users.add", () -> NEW_USERS + UNIQUE.incrementAndGet(),
                name -> tenantAdmin.users().add(NewUser.builder((String) name).email(name + "@example.com")
                        .fullName("Matrix", "User").password("Passw0rd!matrix").build()),
                name -> tenantAdmin.users().find((String) name).isPresent()));
        OPERATIONS.put("devices.list", Operation.reading("devices.query",
                () -> tenantAdmin.devices().list().map(d -> d.name()).sorted().toList()));
        OPERATIONS.put("logs.query", Operation.reading("logs.query", () -> tenantAdmin.logs()
                .query(LogQuery.builder().topic(LogTopic.AUDIT).before(started).pageSize(20).build()).limit(50)
                .map(entry -> entry.time() + " " + entry.message()).toList()));
        OPERATIONS.put("statistics.cloudFolders", Operation.reading("statistics.cloudDrives",
                () -> tenantAdmin.statistics().cloudFolders().stream().map(f -> f.owner() + "/" + f.name())
                        .filter(n -> !n.contains(NEW_USERS)).sorted().toList()));
        OPERATIONS.put("statistics.tenants", Operation.reading("statistics.portals",
                () -> admin.statistics().tenants().stream().map(t -> t.name()).sorted().toList()));
        OPERATIONS.put("reports.generate", Operation.reading("reports.generate", () -> {
            tenantAdmin.reports().generate(ReportName.FOLDERS);
            return "generated";
        }));
        OPERATIONS.put("reports.get", Operation.reading("reports.get",
                () -> tenantAdmin.reports().get(ReportName.FOLDERS).getClass().getSimpleName()));
        OPERATIONS.put("files.list", Operation.reading("files.fetchResources",
                () -> user.files().list(WORK + "/fixed").map(FileInfo::name).sorted().toList()));
        OPERATIONS.put("files.mkdir", Operation.mutating("files.makeCollection",
                () -> WORK + "/dir" + UNIQUE.incrementAndGet(), path -> user.files().mkdir((String) path),
                path -> user.files().exists((String) path)));
        OPERATIONS.put("files.delete", Operation.mutating("files.delete", AreaFaultMatrixTest::uploadedFile,
                path -> awaitTask(user.files().delete((String) path)), path -> user.files().exists((String) path)));
        OPERATIONS.put("files.move", Operation.mutating("files.move", AreaFaultMatrixTest::uploadedFile,
                path -> awaitTask(user.files().move(List.of((String) path), WORK + "/moved")),
                path -> List.of(user.files().exists((String) path), user.files().exists(movedTo((String) path)))));
        OPERATIONS.put("files.copy", Operation.mutating("files.copy", AreaFaultMatrixTest::uploadedFile,
                path -> awaitTask(user.files().copy(List.of((String) path), WORK + "/copied")),
                path -> List.of(user.files().exists((String) path), user.files().exists(copiedTo((String) path)))));
        OPERATIONS.put("files.uploadPath", Operation.mutating("files.upload", AreaFaultMatrixTest::localFile,
                file -> user.files().upload((Path) file, WORK + "/up"),
                file -> Arrays.equals(download(WORK + "/up/" + ((Path) file).getFileName()), CONTENT)));
        OPERATIONS.put("files.uploadStream", Operation.mutating("files.upload", () -> "s" + UNIQUE.incrementAndGet(),
                name -> user.files().upload(new ByteArrayInputStream(CONTENT), WORK + "/up", (String) name),
                name -> Arrays.equals(download(WORK + "/up/" + name), CONTENT)));
        OPERATIONS.put("files.downloadPath", Operation.mutating("files.download",
                () -> local.resolve("down" + UNIQUE.incrementAndGet() + ".bin"),
                target -> user.files().download(WORK + "/fixed/a.bin", (Path) target),
                target -> Arrays.equals(read((Path) target), CONTENT)));
        OPERATIONS.put("files.downloadStream", Operation.reading("files.download",
                () -> Arrays.equals(download(WORK + "/fixed/a.bin"), CONTENT)));
        OPERATIONS.put("tasks.await", new Operation("tasks.status",
                () -> user.files().delete(uploadedFile()), task -> user.tasks().await((PendingTask) task,
                        Duration.ofSeconds(10)).status(), (task, status) -> status));
        OPERATIONS.put("notifications.list", Operation.reading("notifications.list",
                () -> user.notifications().list(List.of(folderId), null, 1).entries().stream()
                        .map(ChangeEntry::guid).toList()));
        OPERATIONS.put("notifications.longpoll", new Operation("notifications.longpoll",
                AreaFaultMatrixTest::latestCursor,
                cursor -> user.notifications().longpoll(List.of(folderId), (String) cursor, Duration.ofMillis(200)),
                (cursor, changed) -> changed));
        OPERATIONS.put("notifications.ancestors", Operation.reading("notifications.ancestors",
                () -> user.notifications().ancestors(folderId, fixedGuid).stream().map(Ancestor::name).toList()));
    }

    private static final Map<String, Function<String, FaultRule>> FAULTS = new LinkedHashMap<>();

    static {
        FAULTS.put("500", op -> FaultRule.forOperation(op).status(500));
        FAULTS.put("500 after processing", op -> FaultRule.forOperation(op).status(500).afterProcessing());
        FAULTS.put("404", op -> FaultRule.forOperation(op).status(404));
        FAULTS.put("429 storm", op -> FaultRule.forOperation(op).tooManyRequests(Duration.ofSeconds(1)).times(20));
        FAULTS.put("503 Retry-After", op -> FaultRule.forOperation(op).serviceUnavailable(Duration.ofSeconds(1)));
        FAULTS.put("reset", op -> FaultRule.forOperation(op).connectionReset());
        FAULTS.put("reset after processing", op -> FaultRule.forOperation(op).connectionReset().afterProcessing());
        FAULTS.put("truncated body", op -> FaultRule.forOperation(op).truncatedBody());
        FAULTS.put("stalled body", op -> FaultRule.forOperation(op).stalledBody(PAST_TIMEOUTS));
        FAULTS.put("delay past the timeouts", op -> FaultRule.forOperation(op).delay(PAST_TIMEOUTS));
        FAULTS.put("session expiry", op -> FaultRule.forOperation(op).expireSession());
        FAULTS.put("session expiry mid-transfer", op -> FaultRule.forOperation(op).expireSessionMidTransfer());
    }

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withTaskDuration(Duration.ofMillis(20)));
        admin = configure(CteraPortal.builder().name("matrix-admin").context(PortalContext.ADMIN)
                .credentials(simulator.adminCredentials().username(), simulator.adminCredentials().password()));
        tenantAdmin = configure(CteraPortal.builder().name("matrix-tenant").context(PortalContext.SERVICES_PORTAL)
                .credentials(simulator.tenantAdminCredentials().username(),
                        simulator.tenantAdminCredentials().password()));
        user = configure(CteraPortal.builder().name("matrix-user").context(PortalContext.SERVICES_PORTAL)
                .credentials(simulator.endUserCredentials().username(), simulator.endUserCredentials().password()));
        started = LocalDateTime.now().plusSeconds(1);
        // Set up (and warm up: the first calls of a JVM load classes) with the default timeouts, as a first call on
        // a busy machine may take longer than the short ones below.
        try (CteraPortal setup = TestPortals.endUser(simulator);
                CteraPortal setupAdmin = TestPortals.tenantAdmin(simulator)) {
            for (String folder : List.of("fixed", "up", "moved", "copied", "work")) {
                setup.files().mkdirs(WORK + "/" + folder);
            }
            setup.files().upload(new ByteArrayInputStream(CONTENT), WORK + "/fixed", "a.bin");
            folderId = setup.files().stat("My Files").cloudFolder().uid();
            ChangeBatch batch = setup.notifications().list(List.of(folderId), null, 1000);
            fixedGuid = batch.entries().stream().filter(entry -> entry.name().equals("fixed")).findFirst()
                    .orElseThrow().guid();
            setupAdmin.reports().generate(ReportName.FOLDERS);
            setupAdmin.users().list().count();
        }
        for (CteraPortal portal : List.of(admin, tenantAdmin, user)) {
            portal.session();
        }
    }

    // Short timeouts keep the delay and stall cases short: each ends at its timeout, not at the fault's end.
    private static CteraPortal configure(CteraPortalBuilder builder) {
        return builder.baseUrl(simulator.baseUrl()).readTimeout(Duration.ofMillis(900))
                .attemptTimeout(Duration.ofMillis(700)).transferMinThroughput(1024, Duration.ofMillis(200))
                .taskPollInterval(Duration.ofMillis(20)).build();
    }

    @AfterAll
    static void stop() {
        for (CteraPortal portal : List.of(admin, tenantAdmin, user)) {
            portal.close();
        }
        simulator.close();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void everyAreaUnderEveryFaultEndsTypedOrCorrectAndGivesItsConnectionsBack() {
        Map<String, @Nullable Object> expected = new LinkedHashMap<>();
        OPERATIONS.forEach((name, operation) -> expected.put(name, run(operation, null)));
        List<String> outcomes = new ArrayList<>();
        FAULTS.forEach((faultName, fault) -> OPERATIONS.forEach((name, operation) -> {
            String label = name + " under " + faultName;
            String outcome = assertTimeoutPreemptively(BOUND, () -> {
                try {
                    Object result = run(operation, fault.apply(operation.target()));
                    assertThat(result).as(label).isEqualTo(expected.get(name));
                    return "correct";
                }
                catch (CteraException typed) {
                    return typed.getClass().getSimpleName() + " (" + typed.getMessage() + ")";
                }
            }, label);
            outcomes.add(faultName + " / " + name + ": " + outcome);
            awaitNoConnectionInUse(label);
        }));
        assertThat(outcomes).hasSize(FAULTS.size() * OPERATIONS.size());
        // The faults reach the caller: a 500 before processing fails every call, typed; a session expiry before the
        // call is renewed by a new login and the call succeeds.
        assertThat(outcomes).filteredOn(line -> line.startsWith("500 /")).noneMatch(l -> l.endsWith(": correct"));
        assertThat(outcomes).filteredOn(line -> line.startsWith("session expiry /"))
                .allMatch(l -> l.endsWith(": correct"));
        assertThat(leftoverPartialDownloads()).isEmpty();
    }

    @Test
    void manyFailingCallsAcrossTheAreasLeaveNoConnectionHeldAndNoFileOpen() {
        Assumptions.assumeTrue(OpenFileCount.available(), "this platform cannot count open file descriptors");
        int calls = Integer.getInteger("ctera.faultMatrix.areaFailingCalls", 220);
        List<String> names = List.copyOf(OPERATIONS.keySet());
        List<String> kinds = List.of("500", "503 Retry-After", "reset", "404");
        // Warm-up: every path of the loop once, so that what it opens for good (pools, caches, classes) is counted in
        // the baseline.
        for (int i = 0; i < names.size() * kinds.size(); i++) {
            failingCall(names, kinds, i);
        }
        awaitNoConnectionInUse("after the warm-up");
        long filesBefore = OpenFileCount.now();
        int failed = assertTimeoutPreemptively(BOUND.plusMillis(calls * 200L), () -> {
            int count = 0;
            for (int i = 0; i < calls; i++) {
                count += failingCall(names, kinds, i) ? 1 : 0;
            }
            return count;
        });
        assertThat(failed).as("calls that failed, typed").isEqualTo(calls);
        awaitNoConnectionInUse("after " + calls + " failing calls");
        awaitOpenFilesAtMost(filesBefore + 16);
        assertThat(leftoverPartialDownloads()).isEmpty();
        assertThat(user.files().list(WORK + "/fixed").map(FileInfo::name).toList()).containsExactly("a.bin");
    }

    @Test
    void withTheRetryStageADownloadResumesAcrossASessionExpiredMidTransfer() {
        try (CteraPortal retrying = configure(CteraPortal.builder().name("matrix-retrying")
                .context(PortalContext.SERVICES_PORTAL)
                .credentials(simulator.endUserCredentials().username(), simulator.endUserCredentials().password())
                .interceptor(new RetryInterceptor(RetryPolicy.DEFAULT)))) {
            retrying.session();
            long logins = simulator.requests().count("login");
            long downloads = simulator.requests().count("files.download");
            simulator.faults().inject(FaultRule.forOperation("files.download").expireSessionMidTransfer());
            Path target = local.resolve("resumed.bin");
            assertTimeoutPreemptively(BOUND, () -> retrying.files().download(WORK + "/fixed/a.bin", target));
            assertThat(read(target)).isEqualTo(CONTENT);
            // The cut answer, then the resume after one new login. A download sends its stat alongside the GET: when
            // the stat reaches the portal after the cut has ended the session, the stat is the one refused and logs in
            // again, and the resume goes through at once (2 requests); otherwise the first resume is refused and logs
            // in (3). Both orders occur (about 1 in 3 runs takes the first).
            assertThat(simulator.requests().count("files.download") - downloads).isBetween(2L, 3L);
            assertThat(simulator.requests().count("login") - logins).isEqualTo(1);
            // The connection goes back to the pool on the event loop just after the call returns.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (retrying.connectionsInUse() != 0 && System.nanoTime() < deadline) {
                pause();
            }
            assertThat(retrying.connectionsInUse()).isZero();
        }
    }

    // One call of operation i under fault kind i: faults before processing, so no call takes effect, and all fail.
    private static boolean failingCall(List<String> names, List<String> kinds, int i) {
        Operation operation = OPERATIONS.get(names.get(i % names.size()));
        FaultRule fault = FAULTS.get(kinds.get((i / names.size()) % kinds.size())).apply(operation.target());
        try {
            run(operation, fault);
            return false;
        }
        catch (CteraException expected) {
            return true;
        }
    }

    private static @Nullable Object run(Operation operation, @Nullable FaultRule fault) {
        Object prepared = operation.prepare().get();
        if (fault != null) {
            simulator.faults().inject(fault);
        }
        Object returned;
        try {
            returned = operation.call().apply(prepared);
        }
        finally {
            simulator.faults().clear();
        }
        return operation.check().apply(prepared, returned);
    }

    private static String uploadedFile() {
        String name = "f" + UNIQUE.incrementAndGet() + ".txt";
        user.files().upload(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), WORK + "/work", name);
        return WORK + "/work/" + name;
    }

    private static Path localFile() {
        Path file = local.resolve("u" + UNIQUE.incrementAndGet() + ".bin");
        try {
            return Files.write(file, CONTENT);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void awaitTask(PendingTask task) {
        user.tasks().await(task, Duration.ofSeconds(10));
    }

    private static String movedTo(String path) {
        return WORK + "/moved/" + path.substring(path.lastIndexOf('/') + 1);
    }

    private static String copiedTo(String path) {
        return WORK + "/copied/" + path.substring(path.lastIndexOf('/') + 1);
    }

    private static String latestCursor() {
        ChangeBatch batch = user.notifications().list(List.of(folderId), null, 1000);
        while (batch.hasMore()) {
            batch = user.notifications().list(List.of(folderId), batch.cursor(), 1000);
        }
        return batch.cursor();
    }

    private static byte[] download(String path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        user.files().download(path, out);
        return out.toByteArray();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<Path> leftoverPartialDownloads() {
        try (Stream<Path> files = Files.list(local)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".part")).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    // A connection goes back to the pool just after the caller has its answer, on the I/O thread.
    private static void awaitNoConnectionInUse(String when) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (inUse() != 0 && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(inUse()).as("connections in use " + when).isZero();
    }

    // A short pause, not a spin: on a machine of two cores a spinning test thread slows the event loops it waits on.
    private static void pause() {
        try {
            Thread.sleep(2);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int inUse() {
        return admin.connectionsInUse() + tenantAdmin.connectionsInUse() + user.connectionsInUse();
    }

    // Sockets closed by the peer are released by the event loop shortly after the caller is answered.
    private static void awaitOpenFilesAtMost(long most) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long now = OpenFileCount.now();
        while (now > most && System.nanoTime() < deadline) {
            pause();
            now = OpenFileCount.now();
        }
        assertThat(now).as("open file descriptors").isLessThanOrEqualTo(most);
    }
}
