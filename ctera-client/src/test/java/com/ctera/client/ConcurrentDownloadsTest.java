package com.ctera.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.files.TransferListener;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many downloads at once against one portal (issue 19). A reactive download holds no thread while its bytes stream:
 * 200 at once finish with every byte without the client putting a single task on a bounded-elastic worker, where
 * the former download (an {@code OutputStream} publisher around a blocking read) held two workers each. The read
 * timeout is generous because the shared test machine, not the client, sets the pace of the simulator.
 */
class ConcurrentDownloadsTest {

    private static final int DOWNLOADS = 200;

    private static final String HOOK = "concurrent-downloads-test";

    private static final String FOLDER = "My Files/concurrent";

    private static final byte[] CONTENT = FilesTest.bytes(100_000, 19);

    private static final Duration LIMIT = Duration.ofSeconds(90);

    private static CteraPortalSimulator simulator;

    private static CteraPortal user;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        SimulatorCredentials credentials = simulator.endUserCredentials();
        user = CteraPortal.builder().name("concurrent").baseUrl(simulator.baseUrl())
                .context(PortalContext.SERVICES_PORTAL).credentials(credentials.username(), credentials.password())
                .readTimeout(Duration.ofSeconds(60)).build();
        user.files().mkdirs(FOLDER);
        user.files().upload(new ByteArrayInputStream(CONTENT), FOLDER, "data.bin");
    }

    @AfterAll
    static void stop() {
        user.close();
        simulator.close();
    }

    @Test
    void twoHundredReactiveDownloadsNeedNoWorkerThread() {
        AtomicInteger clientTasks = new AtomicInteger();
        Schedulers.onScheduleHook(HOOK, task -> {
            boolean client = fromClient(new Exception().getStackTrace());
            return () -> {
                if (client && Thread.currentThread().getName().startsWith("boundedElastic")) {
                    clientTasks.incrementAndGet();
                }
                task.run();
            };
        });
        try {
            List<byte[]> copies = Flux.range(0, DOWNLOADS)
                    .flatMap(i -> join(user.reactive().files().download(FOLDER + "/data.bin")), DOWNLOADS)
                    .collectList()
                    .block(LIMIT);
            assertThat(copies).hasSize(DOWNLOADS).allSatisfy(copy -> assertThat(copy).isEqualTo(CONTENT));
            assertThat(clientTasks).hasValue(0);
            // The count is real: a download into a caller's OutputStream writes it on a worker.
            user.reactive().files().download(FOLDER + "/data.bin", new ByteArrayOutputStream(), TransferListener.NONE)
                    .block(LIMIT);
            assertThat(clientTasks.get()).isPositive();
        }
        finally {
            Schedulers.resetOnScheduleHook(HOOK);
        }
    }

    // A task scheduled by the client's code, not by the simulator sharing this JVM.
    private static boolean fromClient(StackTraceElement[] stack) {
        boolean client = false;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.startsWith("com.ctera.simulator.")) {
                return false;
            }
            client |= type.startsWith("com.ctera.client.") && !type.startsWith("com.ctera.client.ConcurrentDownloads");
        }
        return client;
    }

    @Test
    void twoHundredBlockingDownloadsAtOnceDeliverEveryByte(@TempDir Path temp) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(DOWNLOADS);
        try {
            List<Future<byte[]>> copies = new ArrayList<>();
            for (int i = 0; i < DOWNLOADS; i++) {
                int n = i;
                copies.add(callers.submit(() -> {
                    if (n % 2 == 0) {
                        return Files.readAllBytes(user.files().download(FOLDER + "/data.bin",
                                temp.resolve("copy-" + n + ".bin")));
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    user.files().download(FOLDER + "/data.bin", out);
                    return out.toByteArray();
                }));
            }
            for (Future<byte[]> copy : copies) {
                assertThat(copy.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(CONTENT);
            }
        }
        finally {
            callers.shutdownNow();
        }
    }

    static Mono<byte[]> join(Flux<DataBuffer> body) {
        return DataBufferUtils.join(body).map(buffer -> {
            try {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                return bytes;
            }
            finally {
                DataBufferUtils.release(buffer);
            }
        });
    }
}
