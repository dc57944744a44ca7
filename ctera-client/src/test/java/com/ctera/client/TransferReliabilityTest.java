package com.ctera.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.client.files.LocalFileChangedException;
import com.ctera.client.files.TransferListener;
import com.ctera.client.files.TransferProgress;
import com.ctera.client.resilience.RetryInterceptor;
import com.ctera.client.resilience.RetryPolicy;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transfers under trouble (issue 21): torn uploads, cut and stalled downloads, local files kept whole and tidy. */
class TransferReliabilityTest {

    private static final String FOLDER = "My Files/reliability";

    private static final byte[] CONTENT = FilesTest.bytes(600_000, 21);

    private static CteraPortalSimulator simulator;

    private static CteraPortal user;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        SimulatorCredentials credentials = simulator.endUserCredentials();
        user = CteraPortal.builder().name("reliability").baseUrl(simulator.baseUrl())
                .context(PortalContext.SERVICES_PORTAL).credentials(credentials.username(), credentials.password())
                .readTimeout(Duration.ofSeconds(20)).transferMinThroughput(1024, Duration.ofMillis(500))
                .interceptor(new RetryInterceptor(RetryPolicy.DEFAULT)).build();
        user.files().mkdirs(FOLDER);
        user.files().upload(new ByteArrayInputStream(CONTENT), FOLDER, "data.bin");
    }

    @AfterAll
    static void stop() {
        user.close();
        simulator.close();
    }

    @AfterEach
    void clear() {
        simulator.faults().clear();
    }

    @Test
    void aFileChangedWhileUploadingFailsTypedAndAnotherUploadSendsTheNewContent(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("torn.bin");
        Files.write(file, CONTENT);
        // Written long ago, as a file is before a writer touches it during the upload.
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        AtomicBoolean overwritten = new AtomicBoolean();
        TransferListener writer = new TransferListener() {
            @Override
            public void bytesTransferred(TransferProgress progress) {
                if (overwritten.compareAndSet(false, true)) {
                    overwriteEnds(file);
                }
            }
        };
        assertThatThrownBy(() -> user.files().upload(file, FOLDER, writer))
                .isInstanceOf(LocalFileChangedException.class)
                .hasMessageContaining("torn.bin")
                .hasMessageContaining("changed while it was being read");
        assertThat(user.files().exists(FOLDER + "/torn.bin")).isFalse();

        byte[] now = Files.readAllBytes(file);
        user.files().upload(file, FOLDER);
        assertThat(download(FOLDER + "/torn.bin")).isEqualTo(now);
    }

    @Test
    void aBodyCutOffMidwayResumesWithARangeAndHandsOverEveryByteOnce(@TempDir Path temp) throws IOException {
        simulator.faults().inject(FaultRule.forOperation("files.download").truncatedBody().times(1));
        long before = simulator.requests().count("files.download");
        assertThat(download(FOLDER + "/data.bin")).isEqualTo(CONTENT);
        assertThat(simulator.requests().count("files.download") - before).isEqualTo(2);

        simulator.faults().inject(FaultRule.forOperation("files.download").truncatedBody().times(1));
        assertThat(user.files().download(FOLDER + "/data.bin", temp.resolve("resumed.bin")))
                .hasBinaryContent(CONTENT);
    }

    @Test
    void aStalledDownloadFailsByTheMinimumThroughputAndIsResumed() {
        simulator.faults().inject(FaultRule.forOperation("files.download").stalledBody(Duration.ofSeconds(15))
                .times(1));
        long started = System.nanoTime();
        assertThat(download(FOLDER + "/data.bin")).isEqualTo(CONTENT);
        // Well before the stall ends, and before the read timeout (20 s) would have fired.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(12));
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndANewOneIsNotPrivate(@TempDir Path temp) throws IOException {
        Path existing = temp.resolve("shared.bin");
        Files.write(existing, new byte[] { 1 });
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
        user.files().download(FOLDER + "/data.bin", existing);
        assertThat(existing).hasBinaryContent(CONTENT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-r-----");

        Path fresh = user.files().download(FOLDER + "/data.bin", temp.resolve("fresh.bin"));
        assertThat(Files.getPosixFilePermissions(fresh)).isNotEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aLongNameDownloadsThroughAShortPartFileAndStalePartFilesAreCleaned(@TempDir Path temp) throws IOException {
        String longName = "l".repeat(250) + ".bin";
        user.files().upload(new ByteArrayInputStream(CONTENT), FOLDER, longName);
        Path stale = temp.resolve("." + "l".repeat(64) + ".0badf00d.ctera.part");
        Files.write(stale, new byte[] { 9 });
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path unrelated = temp.resolve(".other.part");
        Files.write(unrelated, new byte[] { 9 });

        Path written = user.files().download(FOLDER + "/" + longName, temp);
        assertThat(written.getFileName().toString()).isEqualTo(longName);
        assertThat(written).hasBinaryContent(CONTENT);
        try (var entries = Files.list(temp)) {
            assertThat(entries.toList()).containsExactlyInAnyOrder(written, unrelated);
        }
    }

    @Test
    void aLocalFailureIsTypedNotWrappedByReactor(@TempDir Path temp) {
        assertThatThrownBy(() -> user.files().download(FOLDER + "/data.bin", temp.resolve("missing/dir/x.bin")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing");
    }

    private static byte[] download(String path) {
        return ConcurrentDownloadsTest.join(user.reactive().files().download(path)).block(Duration.ofSeconds(30));
    }

    private static void overwriteEnds(Path file) {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(new byte[] { 7, 7, 7 });
            out.seek(out.length() - 3);
            out.write(new byte[] { 7, 7, 7 });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
