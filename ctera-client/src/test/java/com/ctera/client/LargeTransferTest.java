package com.ctera.client;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

import com.ctera.client.files.ReactiveCloudFiles;
import com.ctera.client.files.TransferListener;
import com.ctera.client.files.TransferProgress;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming proven: 1 GiB goes up and comes back down through a client and a simulator sharing one JVM whose heap
 * is far smaller than the file. Runs in its own surefire execution with {@code -Xmx128m} (tag
 * {@code large-transfer}); the content is generated as it is sent, never held whole.
 */
@Tag("large-transfer")
class LargeTransferTest {

    private static final Logger logger = LoggerFactory.getLogger(LargeTransferTest.class);

    private static final long SIZE = 1L << 30;

    private static final int CHUNK = ReactiveCloudFiles.CHUNK_SIZE;

    private static CteraPortalSimulator simulator;

    private static CteraPortal user;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        user = TestPortals.endUser(simulator);
    }

    @AfterAll
    static void stop() {
        user.close();
        simulator.close();
    }

    @Test
    void oneGibibyteGoesUpAndComesBackIdenticalInASmallHeap() throws NoSuchAlgorithmException {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test must run with a small heap")
                .isLessThan(SIZE / 4);
        user.files().mkdirs("My Files/large");
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        long[] peakProgress = new long[1];
        TransferListener progress = new TransferListener() {
            @Override
            public void bytesTransferred(TransferProgress snapshot) {
                peakProgress[0] = snapshot.transferredBytes();
            }
        };
        long uploadStart = System.nanoTime();
        String path = user.reactive().files().upload(generated(sent), SIZE, "My Files/large", "big.bin", progress)
                .block(Duration.ofSeconds(60));
        long uploadNanos = System.nanoTime() - uploadStart;
        assertThat(peakProgress[0]).isEqualTo(SIZE);
        assertThat(user.files().stat(path).size()).isEqualTo(SIZE);

        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long[] count = new long[1];
        long downloadStart = System.nanoTime();
        user.reactive().files().download(path)
                .doOnNext(buffer -> {
                    count[0] += buffer.readableByteCount();
                    try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                        chunks.forEachRemaining(received::update);
                    }
                    DataBufferUtils.release(buffer);
                })
                .then()
                .block(Duration.ofSeconds(60));
        long downloadNanos = System.nanoTime() - downloadStart;
        logger.info("1 GiB with a {} MiB heap: upload {} ms, download {} ms", Runtime.getRuntime().maxMemory() >> 20,
                uploadNanos / 1_000_000, downloadNanos / 1_000_000);
        assertThat(count[0]).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    }

    /** Deterministic pseudo-random content, produced chunk by chunk and added to {@code digest} as it is made. */
    private static Flux<DataBuffer> generated(MessageDigest digest) {
        return Flux.defer(() -> {
            digest.reset();
            return Flux.<DataBuffer, long[]>generate(() -> new long[] { 0, 0x9E3779B97F4A7C15L }, (state, sink) -> {
                long remaining = SIZE - state[0];
                if (remaining <= 0) {
                    sink.complete();
                    return state;
                }
                int length = (int) Math.min(CHUNK, remaining);
                ByteBuffer bytes = ByteBuffer.allocate(length);
                long x = state[1];
                while (bytes.remaining() >= Long.BYTES) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                    bytes.putLong(x);
                }
                while (bytes.hasRemaining()) {
                    bytes.put((byte) x);
                }
                state[1] = x;
                bytes.flip();
                digest.update(bytes.duplicate());
                state[0] += length;
                sink.next(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
                return state;
            });
        });
    }
}
