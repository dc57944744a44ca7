package com.ctera.benchmarks.transfer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.files.CloudFiles;

/**
 * Many downloads of one file at once against a simulator in its own JVM (issue 19): the reactive {@code Flux}
 * download against blocking downloads to a file, each round both sides, interleaved. Reports each side's time, the
 * median ratio, and the bounded-elastic threads alive after the reactive side (the client's reactive downloads put
 * nothing on them). Arguments: concurrent downloads (default 200), rounds (default 5), file size in KiB (default
 * 256).
 */
public final class ConcurrentDownloadRunner {

    private static final Logger logger = LoggerFactory.getLogger(ConcurrentDownloadRunner.class);

    private static final String FOLDER = "concurrent";

    private ConcurrentDownloadRunner() {
    }

    public static void main(String[] args) throws Exception {
        int downloads = RunnerArguments.wholeNumber(args, 0, "concurrent downloads", 1, 200);
        int rounds = RunnerArguments.wholeNumber(args, 1, "rounds", 1, 5);
        int kib = RunnerArguments.wholeNumber(args, 2, "file size in KiB", 1, 256);
        Path root = TransferRunner.scratchDirectory("ctera-concurrent");
        try (ChildSimulator simulator = ChildSimulator.start(Files.createDirectory(root.resolve("portal")), "512m");
                CteraPortal portal = CteraPortal.builder()
                    .name("concurrent")
                    .baseUrl(simulator.baseUrl())
                    .context(PortalContext.SERVICES_PORTAL)
                    .credentials(TransferRunner.USER, TransferRunner.PASSWORD)
                    .readTimeout(Duration.ofMinutes(2))
                    .build()) {
            CloudFiles files = portal.files();
            TransferRunner.benchFolder(files, FOLDER);
            Path local = Files.createDirectory(root.resolve("local"));
            files.upload(TransferRunner.generate(local.resolve("data.bin"), kib * 1024L), "My Files/" + FOLDER);
            String path = "My Files/" + FOLDER + "/data.bin";
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] ratios = new double[rounds];
            ExecutorService callers = Executors.newFixedThreadPool(downloads);
            try {
                // A first round each way warms both JVMs; it is not counted.
                reactive(portal, path, downloads);
                blocking(files, path, downloads, local, callers);
                for (int round = 0; round < rounds; round++) {
                    int before = threads.getThreadCount();
                    long start = System.nanoTime();
                    long bytes = reactive(portal, path, downloads);
                    long reactiveNanos = System.nanoTime() - start;
                    int reactiveThreads = threads.getThreadCount() - before;
                    start = System.nanoTime();
                    long blockingBytes = blocking(files, path, downloads, local, callers);
                    long blockingNanos = System.nanoTime() - start;
                    if (bytes != (long) downloads * kib * 1024 || blockingBytes != bytes) {
                        throw new IllegalStateException("a download lost bytes: " + bytes + " and " + blockingBytes);
                    }
                    ratios[round] = (double) blockingNanos / reactiveNanos;
                    logger.info("round {}: {} reactive downloads in {} ms (threads +{}, bounded-elastic alive {}), "
                            + "{} blocking ones in {} ms; blocking/reactive {}", round + 1, downloads,
                            reactiveNanos / 1_000_000, reactiveThreads, elasticThreads(), downloads,
                            blockingNanos / 1_000_000, String.format("%.2f", ratios[round]));
                }
            }
            finally {
                callers.shutdownNow();
            }
            Arrays.sort(ratios);
            logger.info("median blocking/reactive time ratio over {} rounds: {}", rounds,
                    String.format("%.2f", ratios[rounds / 2]));
        }
        finally {
            TransferRunner.deleteTree(root);
        }
    }

    private static long reactive(CteraPortal portal, String path, int downloads) {
        Long total = Flux.range(0, downloads)
                .flatMap(i -> portal.reactive().files().download(path)
                        .map(buffer -> {
                            int count = buffer.readableByteCount();
                            DataBufferUtils.release(buffer);
                            return (long) count;
                        })
                        .reduce(0L, Long::sum), downloads)
                .reduce(0L, Long::sum)
                .block(Duration.ofMinutes(5));
        return (total != null) ? total : 0;
    }

    private static long blocking(CloudFiles files, String path, int downloads, Path local, ExecutorService callers)
            throws Exception {
        List<Future<Long>> copies = new ArrayList<>();
        for (int i = 0; i < downloads; i++) {
            Path target = local.resolve("copy-" + i + ".bin");
            copies.add(callers.submit(() -> Files.size(files.download(path, target))));
        }
        long total = 0;
        for (Future<Long> copy : copies) {
            total += copy.get();
        }
        return total;
    }

    private static long elasticThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("boundedElastic-") && !thread.getName().contains("evictor"))
                .count();
    }
}
