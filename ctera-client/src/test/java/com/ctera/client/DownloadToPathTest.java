package com.ctera.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.files.TransferListener;
import com.ctera.client.files.TransferProgress;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallInterceptor;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Downloads to a {@code Path}: the body written straight to a temporary file, with the stat sent alongside. */
class DownloadToPathTest {

    private static final String FOLDER = "My Files/to-path";

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static final byte[] CONTENT = FilesTest.bytes(300_000, 9);

    private static final TransferCounter bytes = new TransferCounter();

    private static final TwiceForDownloads twice = new TwiceForDownloads();

    private static CteraPortalSimulator simulator;

    private static CteraPortal user;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        user = TestPortals.endUser(simulator, bytes, twice);
        user.files().mkdirs(FOLDER + "/sub");
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
        twice.enabled = false;
    }

    @Test
    void writesTheWholeBodyAndReportsProgressAndBytes(@TempDir Path temp) throws IOException {
        Recording listener = new Recording();
        bytes.received.set(0);
        Path written = user.files().download(FOLDER + "/data.bin", temp.resolve("copy.bin"), listener);
        assertThat(written).hasBinaryContent(CONTENT);
        assertThat(listener.events).first().isEqualTo("initiated");
        assertThat(listener.events).last().isEqualTo("complete");
        assertThat(listener.events).contains("bytes").doesNotContain("failed");
        assertThat(listener.last.transferredBytes()).isEqualTo(CONTENT.length);
        assertThat(listener.last.totalBytes()).isEqualTo((long) CONTENT.length);
        assertThat(listener.last.direction()).isEqualTo(TransferProgress.Direction.DOWNLOAD);
        assertThat(bytes.received.get()).isEqualTo(CONTENT.length);
        assertThat(entries(temp)).containsExactly(written);
    }

    @Test
    void aRepeatedAttemptStartsTheFileAgain(@TempDir Path temp) throws IOException {
        twice.enabled = true;
        Path written = user.files().download(FOLDER + "/data.bin", temp.resolve("again.bin"));
        assertThat(twice.downloads.get()).isGreaterThanOrEqualTo(2);
        assertThat(written).hasBinaryContent(CONTENT);
    }

    @Test
    void aFolderOrAMissingFileFailsAsTheStatSaysAndLeavesNothing(@TempDir Path temp) throws IOException {
        Recording listener = new Recording();
        assertThatThrownBy(() -> user.files().download(FOLDER + "/sub", temp.resolve("sub"), listener))
                .isInstanceOf(CteraClientErrorException.class).hasMessageContaining("downloadZip");
        assertThat(listener.events).doesNotContain("complete");
        assertThatThrownBy(() -> user.files().download(FOLDER + "/absent.bin", temp.resolve("absent.bin")))
                .isInstanceOf(CteraNotFoundException.class).hasMessageContaining(FOLDER + "/absent.bin");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void sendsTheStatAndTheDownloadTogether(@TempDir Path temp) {
        long before = simulator.requests().count("files.download");
        simulator.faults().inject(FaultRule.forOperation("files.fetchResources").delay(Duration.ofSeconds(3))
                .times(1));
        Mono<Path> download = user.reactive().files().download(FOLDER + "/data.bin", temp.resolve("together.bin"),
                TransferListener.NONE).cache();
        Disposable running = download.subscribe();
        try {
            // One after the other, the download would wait for the held stat; together, it arrives meanwhile.
            assertThat(within(Duration.ofMillis(2500),
                    () -> simulator.requests().count("files.download") > before)).isTrue();
            assertThat(running.isDisposed()).isFalse();
            assertThat(download.block(WAIT)).hasBinaryContent(CONTENT);
        }
        finally {
            running.dispose();
        }
    }

    @Test
    void aCancelledDownloadDeletesItsTemporaryFile(@TempDir Path temp) throws IOException {
        long before = simulator.requests().count("files.download");
        simulator.faults().inject(FaultRule.forOperation("files.download").delay(Duration.ofSeconds(3)).times(1));
        Disposable running = user.reactive().files().download(FOLDER + "/data.bin", temp.resolve("cancelled.bin"),
                TransferListener.NONE).subscribe();
        assertThat(within(WAIT, () -> simulator.requests().count("files.download") > before)).isTrue();
        assertThat(entries(temp)).hasSize(1);
        running.dispose();
        assertThat(within(WAIT, () -> entries(temp).isEmpty())).isTrue();
    }

    private static List<Path> entries(Path directory) {
        try (var files = Files.list(directory)) {
            return files.toList();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Whether the condition holds within the time, checked every 10 ms. */
    private static boolean within(Duration limit, BooleanSupplier condition) {
        return Boolean.TRUE.equals(Flux.interval(Duration.ZERO, Duration.ofMillis(10))
                .filter(tick -> condition.getAsBoolean())
                .map(tick -> true)
                .next()
                .timeout(limit, Mono.just(false))
                .block());
    }

    /** Records the events of one transfer. */
    private static final class Recording implements TransferListener {

        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        volatile TransferProgress last;

        @Override
        public void transferInitiated(TransferProgress progress) {
            record("initiated", progress);
        }

        @Override
        public void bytesTransferred(TransferProgress progress) {
            record("bytes", progress);
        }

        @Override
        public void transferComplete(TransferProgress progress) {
            record("complete", progress);
        }

        @Override
        public void transferFailed(TransferProgress progress, Throwable error) {
            record("failed", progress);
        }

        private void record(String event, TransferProgress progress) {
            this.events.add(event);
            this.last = progress;
        }
    }

    /** When enabled, runs every download twice, as a retry after a failure mid-body would. */
    private static final class TwiceForDownloads implements CallInterceptor {

        final AtomicLong downloads = new AtomicLong();

        volatile boolean enabled;

        @Override
        public int order() {
            return RETRY_ORDER;
        }

        @Override
        public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
            if (!this.enabled || !call.operation().equals(CteraOperation.FILES_DOWNLOAD)) {
                return next;
            }
            Mono<T> counted = next.doOnSubscribe(subscription -> this.downloads.incrementAndGet());
            return counted.then(counted);
        }
    }
}
