package com.ctera.benchmarks.transfer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.files.FileInfo;
import com.ctera.client.files.ListOptions;
import com.ctera.client.files.PortalPath;
import com.ctera.client.files.TransferListener;
import com.ctera.client.protocol.CallEnvelope;
import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlObject;

/**
 * Walks a large tree lazily with {@code files().walk(...)}: items per second, next to a plain {@code WebClient}
 * fetching the same {@code fetchResources} pages as bytes, and the heap still in use (after a collection) at every
 * tenth of the walk, and the CPU time the simulator's JVM and this one use during the timed walks. The tree,
 * {@code folders} folders of {@code files per folder} empty files, is made by empty uploads in parallel through the
 * client; the simulator runs in a JVM of its own.
 *
 * <p>Arguments: {@code [folders] [files per folder] [upload concurrency]}, default 100, 1000 and 8.
 */
public final class TreeWalkRunner {

    private static final Logger logger = LoggerFactory.getLogger(TreeWalkRunner.class);

    private static final String ROOT = "My Files/tree";

    private static final String USER = "alice";

    private static final String PASSWORD = "EndUs3r!";

    private static final int ROUNDS = 3;

    private static final int CHECKPOINTS = 10;

    private static final long MAX_PAGES = 1_000_000;

    private static final String HAS_MORE = "<att id=\"hasMore\"><val>true</val>";

    private TreeWalkRunner() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int folders = RunnerArguments.wholeNumber(args, 0, "folders", 1, 100);
        int perFolder = RunnerArguments.wholeNumber(args, 1, "files per folder", 1, 1000);
        int concurrency = RunnerArguments.wholeNumber(args, 2, "upload concurrency", 1, 8);
        Path root = TransferRunner.scratchDirectory("ctera-tree");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (ChildSimulator simulator = ChildSimulator.start(root, "1g");
                CteraPortal portal = CteraPortal.builder()
                    .name("tree")
                    .baseUrl(simulator.baseUrl())
                    .context(PortalContext.SERVICES_PORTAL)
                    .credentials(USER, PASSWORD)
                    .readTimeout(Duration.ofMinutes(2))
                    .build();
                PlainServicesSession plain = new PlainServicesSession(simulator.baseUrl(), USER, PASSWORD)) {
            long buildStart = System.nanoTime();
            build(portal, folders, perFolder, concurrency);
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            long expected = (long) folders * perFolder + folders;
            logger.info(String.format(Locale.ROOT, "Built %d folders of %d empty files (%d items) in %.1f s, %.0f "
                    + "uploads/s at concurrency %d", folders, perFolder, expected, buildSeconds,
                    folders * (double) perFolder / buildSeconds, concurrency));

            // Warm-up: a partial walk, so class loading and the JIT of the first pages do not count.
            try (Stream<FileInfo> warm = portal.files().walk(ROOT)) {
                warm.limit(Math.min(expected, 5000)).count();
            }
            timeWalks(portal, plain, folders, expected, ProcessHandle.of(simulator.pid()).orElseThrow());

            memory.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            long step = Math.max(1, expected / CHECKPOINTS);
            AtomicLong seen = new AtomicLong();
            List<String> retained = new ArrayList<>();
            try (Stream<FileInfo> items = portal.files().walk(ROOT)) {
                items.forEach(item -> {
                    if (seen.incrementAndGet() % step == 0) {
                        memory.gc();
                        retained.add(String.format(Locale.ROOT, "%.1f",
                                (memory.getHeapMemoryUsage().getUsed() - before) / 1e6));
                    }
                });
            }
            check(seen.get(), expected);
            logger.info("Heap in use after a collection, above the level before walking, at each tenth of the walk "
                    + "(MB): {}", retained);
        }
        finally {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static void build(CteraPortal portal, int folders, int perFolder, int concurrency) {
        portal.files().mkdirs(ROOT);
        for (int folder = 0; folder < folders; folder++) {
            portal.files().mkdir(folderPath(folder));
        }
        Flux.range(0, folders * perFolder)
            .flatMap(index -> portal.reactive()
                .files()
                .upload(Flux.<DataBuffer>empty(), 0, folderPath(index / perFolder),
                        String.format(Locale.ROOT, "f%07d.txt", index), TransferListener.NONE), concurrency)
            .then()
            .block(Duration.ofMinutes(30));
    }

    private static String folderPath(int folder) {
        return String.format(Locale.ROOT, "%s/d%04d", ROOT, folder);
    }

    // Client and baseline take turns, so load from elsewhere on the machine hits both alike. The CPU time each JVM
    // spends during the walks says which side is busy: the simulator's against the walk's wall time.
    private static void timeWalks(CteraPortal portal, PlainServicesSession plain, int folders, long expected,
            ProcessHandle simulator) {
        double[] client = new double[ROUNDS];
        double[] baseline = new double[ROUNDS];
        double[] clientCpu = new double[2];
        double[] baselineCpu = new double[2];
        long pages = 0;
        for (int round = 0; round < ROUNDS; round++) {
            double[] cpu = cpuSeconds(simulator);
            long start = System.nanoTime();
            pages = plainWalk(plain, folders);
            baseline[round] = (System.nanoTime() - start) / 1e9;
            cpu = addSince(baselineCpu, cpu, simulator);
            start = System.nanoTime();
            long walked;
            try (Stream<FileInfo> items = portal.files().walk(ROOT)) {
                walked = items.count();
            }
            client[round] = (System.nanoTime() - start) / 1e9;
            addSince(clientCpu, cpu, simulator);
            check(walked, expected);
        }
        double clientTotal = Arrays.stream(client).sum();
        double baselineTotal = Arrays.stream(baseline).sum();
        Arrays.sort(client);
        Arrays.sort(baseline);
        double clientMedian = client[ROUNDS / 2];
        double baselineMedian = baseline[ROUNDS / 2];
        logger.info(String.format(Locale.ROOT, "Walked %d items: client %.2f s, %.0f items/s; plain WebClient "
                + "fetching the same %d pages as bytes %.2f s, %.0f items/s; client/plain time %.2f (medians of %d "
                + "rounds)", expected, clientMedian, expected / clientMedian, pages, baselineMedian,
                expected / baselineMedian, clientMedian / baselineMedian, ROUNDS));
        logger.info(String.format(Locale.ROOT, "CPU over the %d rounds, as a share of their wall time (%.2f s client,"
                + " %.2f s plain): client walks: simulator JVM %.0f%%, runner JVM %.0f%%; plain walks: simulator JVM "
                + "%.0f%%, runner JVM %.0f%%", ROUNDS, clientTotal, baselineTotal,
                100 * clientCpu[0] / clientTotal, 100 * clientCpu[1] / clientTotal,
                100 * baselineCpu[0] / baselineTotal, 100 * baselineCpu[1] / baselineTotal));
    }

    /** CPU seconds used so far by the simulator JVM and by this JVM (all threads, JIT and GC included). */
    private static double[] cpuSeconds(ProcessHandle simulator) {
        return new double[] { cpuSecondsOf(simulator), cpuSecondsOf(ProcessHandle.current()) };
    }

    private static double cpuSecondsOf(ProcessHandle process) {
        return process.info().totalCpuDuration().map(duration -> duration.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Adds the CPU used since {@code before} to {@code total}; the reading now, for the next interval. */
    private static double[] addSince(double[] total, double[] before, ProcessHandle simulator) {
        double[] now = cpuSeconds(simulator);
        total[0] += now[0] - before[0];
        total[1] += now[1] - before[1];
        return now;
    }

    /** The pages the walk asks for: the root's stat and listing, then each folder's listing; the number of pages. */
    private static long plainWalk(PlainServicesSession plain, int folders) {
        XmlCodec codec = new XmlCodec();
        int pageSize = ListOptions.defaults().pageSize();
        long pages = 1;
        plain.post(codec.encode(fetch(ROOT, 0, 0, pageSize)));
        pages += listAll(plain, codec, ROOT, pageSize);
        for (int folder = 0; folder < folders; folder++) {
            pages += listAll(plain, codec, folderPath(folder), pageSize);
        }
        return pages;
    }

    private static long listAll(PlainServicesSession plain, XmlCodec codec, String folder, int pageSize) {
        long pages = 0;
        for (int start = 0; pages < MAX_PAGES; start += pageSize) {
            byte[] answer = plain.post(codec.encode(fetch(folder, 1, start, pageSize)));
            pages++;
            if (!new String(answer, StandardCharsets.UTF_8).contains(HAS_MORE)) {
                return pages;
            }
        }
        throw new IllegalStateException("the plain listing of " + folder + " passed " + MAX_PAGES + " pages");
    }

    private static XmlObject fetch(String folder, int depth, int start, int limit) {
        XmlObject param = XmlObject.builder("FetchResourcesParam")
            .put("start", start)
            .put("limit", limit)
            .put("root", PortalPath.of(folder).href(PortalContext.SERVICES_PORTAL))
            .put("depth", depth)
            .build();
        return CallEnvelope.userDefined("fetchResources", param);
    }

    private static void check(long walked, long expected) {
        if (walked != expected) {
            throw new IllegalStateException("walked " + walked + " items, the tree has " + expected);
        }
    }
}
