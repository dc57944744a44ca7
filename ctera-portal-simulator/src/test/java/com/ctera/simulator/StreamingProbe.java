package com.ctera.simulator;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Run in a child JVM with a small heap by {@link StreamingTest}: starts a simulator, uploads a generated body of
 * the given size, downloads it back and compares digests. Exit code 0 means the bytes matched; anything else
 * (including an OutOfMemoryError) is a failure.
 */
public final class StreamingProbe {

    private StreamingProbe() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        int code;
        // Exit only after close(), so the temporary data directory is deleted.
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withSeed(false))) {
            code = roundTrip(simulator, size);
        }
        System.exit(code);
    }

    private static int roundTrip(CteraPortalSimulator simulator, long size) throws Exception {
        FileCalls files = new FileCalls(simulator, "ServicesPortal",
                new PortalHttp(simulator).session("ServicesPortal", simulator.endUserCredentials()));
        long folder = simulator.state().cloudFolderUid("acme", "alice");
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        HttpResponse<String> upload = files.upload(folder, "My Files/large.bin",
                () -> new DigestInputStream(new PatternStream(size), sent), size);
        if (upload.statusCode() != 200 || !upload.body().contains("<val>OK</val>")) {
            Files.writeString(Path.of("target/streaming-probe.log"), upload.statusCode() + " " + upload.body() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return 3;
        }
        long stored = simulator.state().fileSize("acme", "alice", "My Files/large.bin");
        if (stored != size) {
            Files.writeString(Path.of("target/streaming-probe.log"), "stored " + stored + " of " + size + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return 4;
        }
        HttpResponse<InputStream> download = files.downloadStream("My Files/large.bin");
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long count = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.update(buffer, 0, read);
                count += read;
            }
        }
        return (count == size && Arrays.equals(sent.digest(), received.digest())) ? 0 : 2;
    }

    /** A deterministic, non-repeating-looking byte stream of a given length, generated on the fly. */
    static final class PatternStream extends InputStream {

        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (this.position >= this.size) {
                return -1;
            }
            return value(this.position++);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (this.position >= this.size) {
                return -1;
            }
            int count = (int) Math.min(length, this.size - this.position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) value(this.position++);
            }
            return count;
        }

        private static int value(long position) {
            long mixed = position * 0x9E3779B97F4A7C15L;
            return (int) ((mixed >>> 56) ^ (position >>> 12)) & 0xff;
        }
    }
}
