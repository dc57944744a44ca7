package com.ctera.benchmarks.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.files.CloudFiles;
import com.ctera.client.files.CloudFolderInfo;

/**
 * Upload and download throughput of the files API for 1 B, 8 MiB, 128 MiB and 2 GiB, next to {@code curl} moving
 * the same bytes to and from the same endpoints, with the client JVM's peak heap and peak RSS. The simulator runs in
 * a JVM of its own, so neither its CPU time nor its memory is the client's. Files live on tmpfs ({@code /dev/shm})
 * when there is one, so the disk limits neither side. A size sent many times per round goes in a run per side,
 * the sides taking turns at going first; a size sent once takes turns transfer by transfer.
 *
 * <p>Arguments: {@code [rounds of the 2 GiB case] [largest size in MiB]}, default 1 and 2048.
 */
public final class TransferRunner {

    private static final Logger logger = LoggerFactory.getLogger(TransferRunner.class);

    private static final long MIB = 1L << 20;

    private static final String FOLDER = "bench";

    // The simulator's seeded end user, who owns a cloud drive (the simulator's demo data).
    static final String USER = "alice";

    static final String PASSWORD = "EndUs3r!";

    private static final int WRITE_CHUNK = 1 << 20;

    // Rounds of warm-up; -Dctera.bench.warmup=N changes it. 300 left both JVMs compiling still: a stat then cost
    // 0.8-1.5 ms against 0.15 ms once compiled, and curl's own 1 B transfers were three times slower against the
    // half-compiled simulator (docs/benchmarks.md, "A warm simulator").
    private static final int WARM_UP_TRANSFERS = Integer.getInteger("ctera.bench.warmup", 3000);

    /**
     * The larger warm-up file: more than one 64 KiB buffer, so the streamed paths (an upload read buffer by buffer, a
     * download of several reads) are the ones compiled. A file of exactly one buffer, as before, is read whole, and
     * left the 8 MiB uploads and downloads to run on code compiled for one buffer: 0.74-0.81 of curl's throughput
     * against 0.86-0.98 in the same JVM warmed by streamed transfers (docs/benchmarks.md, "A warm simulator").
     * Every version stays in the simulator: 3,000 of them take about 600 MiB of its data directory.
     */
    static final int WARM_UP_BYTES = 200 * 1024;

    private TransferRunner() {
    }

    /** One size: how many rounds, and how many transfers of each kind per round (to time tiny files). */
    private record Case(long bytes, int rounds, int repeats) {

        String label() {
            return (this.bytes < MIB) ? this.bytes + " B" : (this.bytes / MIB) + " MiB";
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int largestRounds = RunnerArguments.wholeNumber(args, 0, "rounds of the largest size", 1, 1);
        int largestMib = RunnerArguments.wholeNumber(args, 1, "largest size in MiB", 1, 2048);
        List<Case> cases = List.of(new Case(1, 5, 40), new Case(8 * MIB, 5, 10), new Case(128 * MIB, 3, 1),
                new Case(largestMib * MIB, largestRounds, 1));
        Path root = scratchDirectory("ctera-transfer");
        logger.info("Files in {} ({}); client JVM max heap {} MiB", root,
                root.startsWith("/dev/shm") ? "tmpfs" : "the temp directory", Runtime.getRuntime().maxMemory() / MIB);
        MemoryPeaks memory = new MemoryPeaks();
        try (ChildSimulator simulator = ChildSimulator.start(Files.createDirectory(root.resolve("portal")), "512m");
                CteraPortal portal = CteraPortal.builder()
                    .name("transfer")
                    .baseUrl(simulator.baseUrl())
                    .context(PortalContext.SERVICES_PORTAL)
                    .credentials(USER, PASSWORD)
                    .readTimeout(Duration.ofMinutes(5))
                    .build()) {
            CloudFiles files = portal.files();
            CloudFolderInfo drive = benchFolder(files, FOLDER);
            Path work = Files.createDirectory(root.resolve("local"));
            CurlSession curl = CurlSession.login(simulator.baseUrl(), USER, PASSWORD, work);
            // Warm-up: small transfers each way on both sides, so that class loading, the first connection and the
            // JIT compilation of both JVMs (the client's and the simulator's) do not count: curl, a native program,
            // never pays them, and it measures against the simulator as much as the client does.
            // Both shapes of upload are warmed: a file larger than a buffer streams, a smaller one is read whole.
            Path warm = generate(work.resolve("warm.bin"), WARM_UP_BYTES);
            Path tiny = generate(work.resolve("tiny.bin"), 1);
            for (int i = 0; i < WARM_UP_TRANSFERS; i++) {
                files.upload(warm, "My Files/" + FOLDER);
                files.download("My Files/" + FOLDER + "/warm.bin", work.resolve("warm.down"));
                files.upload(tiny, "My Files/" + FOLDER);
                files.download("My Files/" + FOLDER + "/tiny.bin", work.resolve("tiny.down"));
                if (i % 10 == 0) {
                    curl.upload(warm, drive.uid(), FOLDER, "warm-curl.bin");
                    curl.download(FOLDER, "warm-curl.bin", work.resolve("warm-curl.down"));
                }
            }
            logger.info("Warmed up with {} transfers each way by the client (half of them 1 B) and {} by curl",
                    2 * WARM_UP_TRANSFERS, (WARM_UP_TRANSFERS + 9) / 10);
            for (Case size : cases) {
                measure(size, files, curl, drive.uid(), work, memory);
            }
            logger.info("Simulator JVM peak RSS over the whole run: {} MiB",
                    MemoryPeaks.peakRssBytes(simulator.pid()) / MIB);
        }
        finally {
            deleteTree(root);
        }
    }

    private static void measure(Case size, CloudFiles files, CurlSession curl, long uid, Path work,
            MemoryPeaks memory) throws IOException, InterruptedException {
        Path source = generate(work.resolve("source-" + size.bytes() + ".bin"), size.bytes());
        double[] clientUp = new double[size.rounds()];
        double[] curlUp = new double[size.rounds()];
        double[] clientDown = new double[size.rounds()];
        double[] curlDown = new double[size.rounds()];
        double[] upRatio = new double[size.rounds()];
        double[] downRatio = new double[size.rounds()];
        memory.reset();
        for (int round = 0; round < size.rounds(); round++) {
            if (size.repeats() > 1) {
                source = inRuns(size, round, files, curl, uid, source, work, clientUp, clientDown, curlUp, curlDown);
                upRatio[round] = curlUp[round] / clientUp[round];
                downRatio[round] = curlDown[round] / clientDown[round];
                continue;
            }
            for (int i = 0; i < size.repeats(); i++) {
                String clientName = "c-" + size.bytes() + "-" + round + "-" + i + ".bin";
                String curlName = "u-" + size.bytes() + "-" + round + "-" + i + ".bin";
                Path named = Files.move(source, work.resolve(clientName));
                // Alternate which side goes first, so neither always meets a warmer page cache or a quieter moment.
                boolean clientFirst = ((round + i) % 2) == 0;
                if (!clientFirst) {
                    curlUp[round] += curl.upload(named, uid, FOLDER, curlName);
                }
                clientUp[round] += clientUpload(files, named);
                if (clientFirst) {
                    curlUp[round] += curl.upload(named, uid, FOLDER, curlName);
                }
                source = Files.move(named, source);

                Path clientTarget = work.resolve("down-" + clientName);
                Path curlTarget = work.resolve("down-" + curlName);
                if (!clientFirst) {
                    curlDown[round] += curl.download(FOLDER, curlName, curlTarget);
                }
                clientDown[round] += clientDownload(files, clientName, clientTarget);
                if (clientFirst) {
                    curlDown[round] += curl.download(FOLDER, curlName, curlTarget);
                }
                checkSize(clientTarget, size.bytes());
                checkSize(curlTarget, size.bytes());
                Files.delete(clientTarget);
                Files.delete(curlTarget);
            }
            upRatio[round] = curlUp[round] / clientUp[round];
            downRatio[round] = curlDown[round] / clientDown[round];
        }
        long moved = size.bytes() * size.repeats();
        logger.info(String.format(Locale.ROOT, "%s x%d, %d round(s), medians: upload client %s, curl %s, client/curl "
                + "throughput %.2f; download client %s, curl %s, client/curl throughput %.2f; client JVM peak heap "
                + "%.1f MiB, peak RSS %.1f MiB%s", size.label(), size.repeats(), size.rounds(),
                rate(moved, median(clientUp)), rate(moved, median(curlUp)), median(upRatio),
                rate(moved, median(clientDown)), rate(moved, median(curlDown)), median(downRatio),
                memory.peakHeapBytes() / (double) MIB, memory.peakRssBytes() / (double) MIB,
                memory.rssResettable() ? "" : " (RSS peak since the JVM started)"));
        Files.delete(source);
    }

    /**
     * One round of a size sent many times: each side moves its files in a run of its own, the sides taking turns at
     * going first. Timed right after a curl process this JVM had started, a 1 B transfer of the client took 1.3-1.6 ms
     * longer (docs/benchmarks.md, "1 B transfers, what the harness adds"), a cost of the harness that curl's own time
     * never includes. A size sent once per round keeps the turns transfer by transfer: there, what ran just before
     * moved curl's 2 GiB upload from about 320 to 1,000 MB/s.
     * @return the source file, back at its own name
     */
    private static Path inRuns(Case size, int round, CloudFiles files, CurlSession curl, long uid, Path source,
            Path work, double[] clientUp, double[] clientDown, double[] curlUp, double[] curlDown)
            throws IOException, InterruptedException {
        boolean clientFirst = (round % 2) == 0;
        if (!clientFirst) {
            curlRun(size, round, curl, uid, source, work, curlUp, curlDown);
        }
        Path file = source;
        for (int i = 0; i < size.repeats(); i++) {
            String clientName = "c-" + size.bytes() + "-" + round + "-" + i + ".bin";
            Path named = Files.move(file, work.resolve(clientName));
            clientUp[round] += clientUpload(files, named);
            file = Files.move(named, file);
            Path clientTarget = work.resolve("down-" + clientName);
            clientDown[round] += clientDownload(files, clientName, clientTarget);
            checkSize(clientTarget, size.bytes());
            Files.delete(clientTarget);
        }
        if (clientFirst) {
            curlRun(size, round, curl, uid, file, work, curlUp, curlDown);
        }
        return file;
    }

    private static void curlRun(Case size, int round, CurlSession curl, long uid, Path source, Path work,
            double[] curlUp, double[] curlDown) throws IOException, InterruptedException {
        for (int i = 0; i < size.repeats(); i++) {
            String curlName = "u-" + size.bytes() + "-" + round + "-" + i + ".bin";
            curlUp[round] += curl.upload(source, uid, FOLDER, curlName);
            Path curlTarget = work.resolve("down-" + curlName);
            curlDown[round] += curl.download(FOLDER, curlName, curlTarget);
            checkSize(curlTarget, size.bytes());
            Files.delete(curlTarget);
        }
    }

    /** The client's upload of the file, under its own name; seconds. */
    private static double clientUpload(CloudFiles files, Path file) {
        long start = System.nanoTime();
        files.upload(file, "My Files/" + FOLDER);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The client's download of the named file into {@code target}; seconds. */
    private static double clientDownload(CloudFiles files, String name, Path target) {
        long start = System.nanoTime();
        files.download("My Files/" + FOLDER + "/" + name, target);
        return (System.nanoTime() - start) / 1e9;
    }

    private static String rate(long bytes, double seconds) {
        return String.format(Locale.ROOT, "%.1f MB/s (%.4f s)", bytes / seconds / 1e6, seconds);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void checkSize(Path file, long expected) throws IOException {
        long actual = Files.size(file);
        if (actual != expected) {
            throw new IllegalStateException(file.getFileName() + " has " + actual + " bytes, expected " + expected);
        }
    }

    /** Writes {@code size} bytes of pseudo-random content (incompressible, so no layer can shortcut it). */
    static Path generate(Path file, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(WRITE_CHUNK);
        long x = 0x9E3779B97F4A7C15L;
        while (chunk.remaining() >= Long.BYTES) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            chunk.putLong(x);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long written = 0;
            while (written < size) {
                chunk.clear();
                // Vary each chunk's first bytes, so no two chunks are the same.
                chunk.putLong(0, written ^ x);
                chunk.limit((int) Math.min(WRITE_CHUNK, size - written));
                while (chunk.hasRemaining()) {
                    written += channel.write(chunk);
                }
            }
        }
        return file;
    }

    /**
     * Creates {@code My Files/<folder>} for the runner's files.
     * @return the cloud folder it is in, whose uid names the upload endpoint
     * @throws IllegalStateException when the simulator names no cloud folder for it
     */
    static CloudFolderInfo benchFolder(CloudFiles files, String folder) {
        files.mkdirs("My Files/" + folder);
        CloudFolderInfo drive = files.stat("My Files/" + folder).cloudFolder();
        if (drive == null) {
            throw new IllegalStateException("the simulator named no cloud folder for My Files/" + folder);
        }
        return drive;
    }

    /** A new directory on tmpfs ({@code /dev/shm}) when there is one, so the disk limits no side; else in temp. */
    static Path scratchDirectory(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, prefix)
                : Files.createTempDirectory(prefix);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
