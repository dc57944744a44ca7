package com.ctera.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import com.ctera.client.files.FileInfo;
import com.ctera.client.files.FileVersion;
import com.ctera.client.files.InvalidFileNameException;
import com.ctera.client.files.ListOptions;
import com.ctera.client.files.ReactiveCloudFiles;
import com.ctera.client.files.TransferListener;
import com.ctera.client.files.TransferProgress;
import com.ctera.client.tasks.BackgroundTask;
import com.ctera.client.tasks.PendingTask;
import com.ctera.client.tasks.TaskStatus;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cloud Drive files, blocking and reactive, against the simulator: browse, folders, transfers, zip, tasks. */
class FilesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String ROOT = "My Files";

    private static final TransferCounter transfers = new TransferCounter();

    private static CteraPortalSimulator simulator;

    private static CteraPortal user;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        user = TestPortals.endUser(simulator, transfers);
    }

    @AfterAll
    static void stop() {
        user.close();
        simulator.close();
    }

    @Test
    void statsFoldersAndFilesAndReportsMissingPaths() {
        FileInfo root = user.files().stat(ROOT);
        assertThat(root.folder()).isTrue();
        assertThat(root.path()).isEqualTo(ROOT);
        assertThat(root.cloudFolder()).isNotNull();
        assertThat(root.cloudFolder().uid()).isPositive();
        assertThatThrownBy(() -> user.files().stat(ROOT + "/no such file.txt"))
                .isInstanceOf(CteraNotFoundException.class)
                .hasMessageContaining("files.fetchResources")
                .hasMessageContaining("My Files/no such file.txt");
        assertThat(user.files().exists(ROOT)).isTrue();
        assertThat(user.files().exists(ROOT + "/nothing here")).isFalse();
        StepVerifier.create(user.reactive().files().stat(ROOT))
                .assertNext(info -> assertThat(info).isEqualTo(root))
                .verifyComplete();
    }

    @Test
    void createsFoldersWithParentsAndReportsInBandErrors() {
        user.files().mkdirs(ROOT + "/mk/a b/c");
        assertThat(user.files().stat(ROOT + "/mk/a b/c").folder()).isTrue();
        user.files().mkdirs(ROOT + "/mk/a b/c");
        assertThatThrownBy(() -> user.files().mkdir(ROOT + "/mk/a b"))
                .isInstanceOf(CteraConflictException.class)
                .hasMessageContaining("files.makeCollection")
                .hasMessageContaining("My Files/mk/a b");
        assertThatThrownBy(() -> user.files().mkdir(ROOT + "/mk/missing/child"))
                .isInstanceOf(CteraNotFoundException.class)
                .hasMessageContaining("My Files/mk/missing/child");
        assertThatThrownBy(() -> user.files().mkdir(ROOT + "/mk/bad?name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'?'");
        assertThatThrownBy(() -> user.files().mkdir("A new top-level folder"))
                .isInstanceOf(CteraAccessDeniedException.class)
                .hasMessageContaining("PermissionDenied");
        assertThatThrownBy(() -> user.files().mkdir(ROOT + "/mk/.snapshots"))
                .isInstanceOf(CteraClientErrorException.class)
                .hasMessageContaining("ReservedName");
        // Control characters are refused before anything is sent (issue 21); the portal's own InvalidName answer is
        // mapped as InBandErrorsTest shows.
        long sent = simulator.requests().count("files.makeCollection");
        assertThatThrownBy(() -> user.files().mkdir(ROOT + "/mk/tab\tname"))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining("U+0009");
        assertThat(simulator.requests().count("files.makeCollection")).isEqualTo(sent);
        StepVerifier.create(user.reactive().files().mkdir(ROOT + "/mk/reactive")).verifyComplete();
        assertThat(user.files().stat(ROOT + "/mk/reactive").folder()).isTrue();
    }

    @Test
    void listsPageByPageAfterAStatAndWalksTheTree() {
        String folder = ROOT + "/paged";
        user.files().mkdirs(folder + "/sub/deeper");
        for (int i = 0; i < 7; i++) {
            upload(folder, "f" + i + ".txt", "content " + i);
        }
        upload(folder + "/sub/deeper", "leaf.txt", "leaf");
        long before = simulator.requests().count("files.fetchResources");
        List<FileInfo> items = user.files().list(folder, new ListOptions(false, 3)).toList();
        long calls = simulator.requests().count("files.fetchResources") - before;
        assertThat(items).extracting(FileInfo::name).containsExactlyInAnyOrder("f0.txt", "f1.txt", "f2.txt",
                "f3.txt", "f4.txt", "f5.txt", "f6.txt", "sub");
        // One depth-0 stat, then pages of 3: 8 items take 3 pages.
        assertThat(calls).isEqualTo(4);
        assertThat(items).filteredOn(FileInfo::folder).extracting(FileInfo::path).containsExactly(folder + "/sub");
        assertThat(items).filteredOn(item -> item.name().equals("f3.txt")).singleElement()
                .satisfies(file -> assertThat(file.size()).isEqualTo("content 3".length()));
        StepVerifier.create(user.reactive().files().list(folder).map(FileInfo::name).collectList())
                .assertNext(names -> assertThat(names).hasSize(8))
                .verifyComplete();
        List<String> walked = user.files().walk(folder).map(FileInfo::path).toList();
        assertThat(walked).contains(folder + "/sub/deeper/leaf.txt", folder + "/sub/deeper");
        assertThat(walked.indexOf(folder + "/sub")).isLessThan(walked.indexOf(folder + "/sub/deeper"));
        assertThat(walked.indexOf(folder + "/sub/deeper")).isLessThan(walked.indexOf(folder
                + "/sub/deeper/leaf.txt"));
        assertThatThrownBy(() -> user.files().list(folder + "/f1.txt").toList())
                .isInstanceOf(CteraClientErrorException.class).hasMessageContaining("is a file");
        assertThatThrownBy(() -> user.files().list(folder + "/gone").toList())
                .isInstanceOf(CteraNotFoundException.class);
    }

    @Test
    void uploadsFromAPathAStreamAndAPublisherAndDownloadsEveryWay(@TempDir Path temp) throws IOException {
        String folder = ROOT + "/transfers";
        user.files().mkdirs(folder);
        byte[] content = bytes(300_000, 7);
        Path local = temp.resolve("local file.bin");
        Files.write(local, content);
        assertThat(user.files().upload(local, folder)).isEqualTo(folder + "/local file.bin");
        assertThat(user.files().stat(folder + "/local file.bin").size()).isEqualTo(content.length);

        Path downloaded = user.files().download(folder + "/local file.bin", temp.resolve("copy.bin"));
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(content);
        Path intoDirectory = user.files().download(folder + "/local file.bin", Files.createDirectory(temp.resolve("d")));
        assertThat(intoDirectory.getFileName().toString()).isEqualTo("local file.bin");
        assertThat(Files.readAllBytes(intoDirectory)).isEqualTo(content);
        try (var files = Files.list(temp.resolve("d"))) {
            assertThat(files.toList()).containsExactly(intoDirectory);
        }

        user.files().upload(new ByteArrayInputStream(content), folder, "from stream.bin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(user.files().download(folder + "/from stream.bin", out)).isEqualTo(content.length);
        assertThat(out.toByteArray()).isEqualTo(content);

        Flux<DataBuffer> publisher = DataBufferUtils.readInputStream(() -> new ByteArrayInputStream(content),
                DefaultDataBufferFactory.sharedInstance, 8192);
        StepVerifier.create(user.reactive().files().upload(publisher, content.length, folder, "from flux.bin",
                TransferListener.NONE)).expectNext(folder + "/from flux.bin").verifyComplete();
        StepVerifier.create(DataBufferUtils.join(user.reactive().files().download(folder + "/from flux.bin"))
                .map(buffer -> {
                    byte[] read = new byte[buffer.readableByteCount()];
                    buffer.read(read);
                    DataBufferUtils.release(buffer);
                    return read;
                })).assertNext(read -> assertThat(read).isEqualTo(content)).verifyComplete();

        StepVerifier.create(user.reactive().files().upload(publisher, folder, "unknown length.bin",
                TransferListener.NONE)).expectNext(folder + "/unknown length.bin").verifyComplete();
        assertThat(user.files().stat(folder + "/unknown length.bin").size()).isEqualTo(content.length);
    }

    @Test
    void filesOfEverySizeAroundOneBufferGoUpAndComeBackWhole(@TempDir Path temp) throws IOException {
        String folder = ROOT + "/buffer-sizes";
        user.files().mkdirs(folder);
        int chunk = ReactiveCloudFiles.CHUNK_SIZE;
        for (int size : new int[] { 0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 7 }) {
            byte[] content = bytes(size, size);
            Path local = Files.write(temp.resolve("s" + size + ".bin"), content);
            RecordingListener listener = new RecordingListener();
            assertThat(user.files().upload(local, folder, listener)).isEqualTo(folder + "/s" + size + ".bin");
            assertThat(listener.lastProgress.transferredBytes()).isEqualTo(size);
            assertThat(user.files().stat(folder + "/s" + size + ".bin").size()).isEqualTo(size);
            Path back = user.files().download(folder + "/s" + size + ".bin", temp.resolve("back" + size + ".bin"));
            assertThat(back).hasBinaryContent(content);
        }
    }

    @Test
    void transferListenersSeeTheWholeTransferAndCannotBreakIt(@TempDir Path temp) throws IOException {
        String folder = ROOT + "/progress";
        user.files().mkdirs(folder);
        byte[] content = bytes(200_000, 3);
        Path local = temp.resolve("p.bin");
        Files.write(local, content);
        RecordingListener recording = new RecordingListener();
        user.files().upload(local, folder, recording);
        assertThat(recording.events).first().isEqualTo("initiated");
        assertThat(recording.events).last().isEqualTo("complete");
        assertThat(recording.lastProgress.transferredBytes()).isEqualTo(content.length);
        assertThat(recording.lastProgress.totalBytes()).isEqualTo((long) content.length);
        assertThat(recording.lastProgress.ratioTransferred()).hasValue(1.0);
        assertThat(recording.lastProgress.direction()).isEqualTo(TransferProgress.Direction.UPLOAD);

        TransferListener throwing = new TransferListener() {
            @Override
            public void bytesTransferred(TransferProgress progress) {
                throw new IllegalStateException("listener bug");
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(user.files().download(folder + "/p.bin", out, throwing)).isEqualTo(content.length);
        assertThat(out.toByteArray()).isEqualTo(content);

        RecordingListener failing = new RecordingListener();
        assertThatThrownBy(() -> user.files().download(folder + "/absent.bin", new ByteArrayOutputStream(), failing))
                .isInstanceOf(CteraNotFoundException.class);
        assertThat(failing.events).doesNotContain("complete");
    }

    @Test
    void transferredBytesAreReportedToTheCallsWatcher(@TempDir Path temp) throws IOException {
        String folder = ROOT + "/metered";
        user.files().mkdirs(folder);
        byte[] content = bytes(123_456, 5);
        Path local = temp.resolve("m.bin");
        Files.write(local, content);
        transfers.reset();
        user.files().upload(local, folder);
        assertThat(transfers.sent.get()).isEqualTo(content.length);
        user.files().download(folder + "/m.bin", new ByteArrayOutputStream());
        assertThat(transfers.received.get()).isEqualTo(content.length);
    }

    @Test
    void uploadsReportMissingFoldersAndFilesThatAreNotFolders() {
        assertThatThrownBy(() -> upload(ROOT + "/nowhere", "x.txt", "x"))
                .isInstanceOf(CteraNotFoundException.class).hasMessageContaining("My Files/nowhere");
        user.files().mkdirs(ROOT + "/notafolder");
        upload(ROOT + "/notafolder", "file.txt", "x");
        assertThatThrownBy(() -> upload(ROOT + "/notafolder/file.txt", "x.txt", "x"))
                .isInstanceOf(CteraClientErrorException.class).hasMessageContaining("is a file");
        assertThatThrownBy(() -> user.files().download(ROOT + "/notafolder", new ByteArrayOutputStream()))
                .isInstanceOf(CteraClientErrorException.class).hasMessageContaining("downloadZip");
        assertThatThrownBy(() -> upload(ROOT + "/notafolder", "a|b.txt", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        Flux<DataBuffer> fiveBytes = Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance
                .wrap(new byte[] { 1, 2, 3, 4, 5 })));
        assertThatThrownBy(() -> user.files().upload(fiveBytes, 10, ROOT + "/notafolder", "short.bin",
                TransferListener.NONE))
                .isInstanceOf(CteraException.class)
                .hasMessageContaining("declared 10 bytes but the content had 5");
        assertThat(user.files().exists(ROOT + "/notafolder/short.bin")).isFalse();
    }

    @Test
    void zipsAWholeFolderOrSelectedChildren() throws IOException {
        String folder = ROOT + "/zipped";
        user.files().mkdirs(folder + "/inner");
        upload(folder, "a.txt", "alpha");
        upload(folder, "b.txt", "bravo");
        upload(folder + "/inner", "c.txt", "charlie");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        user.files().downloadZip(folder, List.of(), whole);
        assertThat(zipEntries(whole.toByteArray())).anySatisfy(name -> assertThat(name).endsWith("a.txt"))
                .anySatisfy(name -> assertThat(name).endsWith("b.txt"))
                .anySatisfy(name -> assertThat(name).endsWith("c.txt"));
        ByteArrayOutputStream some = new ByteArrayOutputStream();
        user.files().downloadZip(folder, List.of("a.txt"), some);
        Set<String> selected = zipEntries(some.toByteArray());
        assertThat(selected).anySatisfy(name -> assertThat(name).endsWith("a.txt"));
        assertThat(selected).noneSatisfy(name -> assertThat(name).endsWith("b.txt"));
    }

    @Test
    void deletesRestoresCopiesMovesAndRenamesAsAwaitedTasks() {
        String folder = ROOT + "/tasks";
        user.files().mkdirs(folder + "/target");
        upload(folder, "doc.txt", "document");
        upload(folder, "other.txt", "other");

        List<BackgroundTask> progress = new CopyOnWriteArrayList<>();
        PendingTask copy = user.files().copy(List.of(folder + "/doc.txt"), folder + "/target");
        assertThat(copy.operation()).isEqualTo("files.copy");
        BackgroundTask copied = user.tasks().await(copy, WAIT, progress::add);
        assertThat(copied.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(progress).isNotEmpty().last().satisfies(task -> assertThat(task.finished()).isTrue());
        assertThat(user.files().stat(folder + "/target/doc.txt").size()).isEqualTo("document".length());
        assertThat(user.files().stat(folder + "/doc.txt").folder()).isFalse();

        user.tasks().await(user.files().rename(folder + "/other.txt", "renamed.txt"), WAIT);
        assertThat(user.files().exists(folder + "/renamed.txt")).isTrue();
        assertThat(user.files().exists(folder + "/other.txt")).isFalse();

        StepVerifier.create(user.reactive().files().move(List.of(folder + "/renamed.txt"), folder + "/target")
                .flatMap(task -> user.reactive().tasks().await(task, WAIT)))
                .assertNext(task -> assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED))
                .verifyComplete();
        assertThat(user.files().exists(folder + "/target/renamed.txt")).isTrue();

        user.tasks().await(user.files().delete(folder + "/doc.txt"), WAIT);
        assertThat(user.files().exists(folder + "/doc.txt")).isFalse();
        assertThat(user.files().list(folder, ListOptions.withDeleted()).map(FileInfo::name).toList())
                .contains("doc.txt");
        user.tasks().await(user.files().restore(folder + "/doc.txt"), WAIT);
        assertThat(user.files().exists(folder + "/doc.txt")).isTrue();
    }

    @Test
    void failedFileTasksBecomeTypedExceptions() {
        String folder = ROOT + "/failing";
        user.files().mkdirs(folder + "/dest");
        upload(folder, "same.txt", "one");
        upload(folder + "/dest", "same.txt", "two");
        PendingTask conflict = user.files().copy(List.of(folder + "/same.txt"), folder + "/dest");
        assertThatThrownBy(() -> user.tasks().await(conflict, WAIT))
                .isInstanceOf(CteraConflictException.class)
                .hasMessageContaining("files.copy")
                .hasMessageContaining(folder + "/same.txt");
        PendingTask missing = user.files().move(List.of(folder + "/ghost.txt"), folder + "/dest");
        assertThatThrownBy(() -> user.tasks().await(missing, WAIT))
                .isInstanceOf(CteraNotFoundException.class)
                .hasMessageContaining("files.move");
    }

    @Test
    void listsVersionsOfAFile() {
        String folder = ROOT + "/versions";
        user.files().mkdirs(folder);
        upload(folder, "v.txt", "first");
        upload(folder, "v.txt", "second version");
        List<FileVersion> versions = user.files().versions(folder + "/v.txt");
        assertThat(versions).isNotEmpty();
        assertThat(versions).anySatisfy(version -> assertThat(version.current()).isTrue());
        StepVerifier.create(user.reactive().files().versions(folder + "/v.txt").count())
                .expectNext((long) versions.size())
                .verifyComplete();
    }

    @Test
    void anUploadMetBySessionExpiryIsSentAgainWithTheSameBytes(@TempDir Path temp) throws IOException {
        String folder = ROOT + "/expiry";
        user.files().mkdirs(folder);
        byte[] content = bytes(150_000, 11);
        Path local = temp.resolve("e.bin");
        Files.write(local, content);
        long uploads = simulator.requests().count("files.upload");
        int logins = user.portalSession().loginCount();
        simulator.faults().inject(FaultRule.forOperation("files.upload").expireSession().times(1));
        try {
            user.files().upload(local, folder);
        }
        finally {
            simulator.faults().clear();
        }
        assertThat(simulator.requests().count("files.upload")).isEqualTo(uploads + 2);
        assertThat(user.portalSession().loginCount()).isEqualTo(logins + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        user.files().download(folder + "/e.bin", out);
        assertThat(out.toByteArray()).isEqualTo(content);
    }

    @Test
    void aFailedDownloadLeavesNoPartialFileAndReportsTheFailure(@TempDir Path temp) throws IOException {
        String folder = ROOT + "/broken";
        user.files().mkdirs(folder);
        user.files().upload(new ByteArrayInputStream(bytes(400_000, 1)), folder, "t.bin");
        Path target = temp.resolve("t.bin");
        RecordingListener listener = new RecordingListener();
        simulator.faults().inject(FaultRule.forOperation("files.download").truncatedBody().times(1));
        try {
            assertThatThrownBy(() -> user.files().download(folder + "/t.bin", target, listener))
                    .isInstanceOf(CteraException.class)
                    .satisfies(error -> assertThat(((CteraException) error).operation()).isEqualTo("files.download"));
        }
        finally {
            simulator.faults().clear();
        }
        assertThat(listener.events).contains("failed").doesNotContain("complete");
        try (var files = Files.list(temp)) {
            assertThat(files.toList()).isEmpty();
        }
        simulator.faults().inject(FaultRule.forOperation("files.download").status(500).times(1));
        try {
            assertThatThrownBy(() -> user.files().download(folder + "/t.bin", new ByteArrayOutputStream()))
                    .isInstanceOf(CteraServerException.class);
        }
        finally {
            simulator.faults().clear();
        }
    }

    @Test
    void reactiveFormsOfFoldersZipAndFileTasks(@TempDir Path temp) throws IOException {
        String folder = ROOT + "/reactive";
        StepVerifier.create(user.reactive().files().mkdirs(folder + "/x")).verifyComplete();
        StepVerifier.create(user.reactive().files().upload(new ByteArrayInputStream("r".getBytes(
                StandardCharsets.UTF_8)), folder, "r.txt", TransferListener.NONE)).expectNext(folder + "/r.txt")
                .verifyComplete();
        StepVerifier.create(user.reactive().files().download(folder + "/r.txt", temp, TransferListener.NONE))
                .assertNext(path -> assertThat(path).hasContent("r"))
                .verifyComplete();
        StepVerifier.create(user.reactive().files().downloadZip(folder, List.of(), temp, TransferListener.NONE))
                .assertNext(zip -> assertThat(zip.getFileName().toString()).isEqualTo("reactive.zip"))
                .verifyComplete();
        assertThat(zipEntries(Files.readAllBytes(temp.resolve("reactive.zip"))))
                .anySatisfy(name -> assertThat(name).endsWith("r.txt"));
        StepVerifier.create(user.reactive().files().copy(List.of(folder + "/r.txt"), folder + "/x")
                .flatMap(task -> user.reactive().tasks().await(task, WAIT))
                .then(user.reactive().files().delete(List.of(folder + "/r.txt")))
                .flatMap(task -> user.reactive().tasks().await(task, WAIT))
                .then(user.reactive().files().restore(List.of(folder + "/r.txt")))
                .flatMap(task -> user.reactive().tasks().await(task, WAIT))
                .then(user.reactive().files().rename(folder + "/x/r.txt", "s.txt"))
                .flatMap(task -> user.reactive().tasks().await(task, WAIT))
                .then(user.reactive().files().walk(folder).map(FileInfo::path).collectList()))
                .assertNext(paths -> assertThat(paths).containsExactlyInAnyOrder(folder + "/x", folder + "/r.txt",
                        folder + "/x/s.txt"))
                .verifyComplete();
    }

    private static String upload(String folder, String name, String text) {
        return user.files().upload(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), folder, name);
    }

    static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ((i * 31 + seed) ^ (i >>> 8));
        }
        return bytes;
    }

    private static Set<String> zipEntries(byte[] zip) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** Records the events of one transfer. */
    private static final class RecordingListener implements TransferListener {

        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        volatile TransferProgress lastProgress;

        @Override
        public void transferInitiated(TransferProgress progress) {
            this.events.add("initiated");
            this.lastProgress = progress;
        }

        @Override
        public void bytesTransferred(TransferProgress progress) {
            this.events.add("bytes");
            this.lastProgress = progress;
        }

        @Override
        public void transferComplete(TransferProgress progress) {
            this.events.add("complete");
            this.lastProgress = progress;
        }

        @Override
        public void transferFailed(TransferProgress progress, Throwable error) {
            this.events.add("failed");
            this.lastProgress = progress;
        }
    }
}
