package com.ctera.benchmarks.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraPortalBuilder;
import com.ctera.client.PortalContext;
import com.ctera.client.files.CloudFiles;

/**
 * The client's two transport paths side by side on the same file, in one JVM, against one simulator: requests on
 * Reactor Netty directly (the default) and through a {@code WebClient} (what an application gets when its
 * {@code WebClient.Builder} carries a filter; here one that does nothing). The sides take turns round by round
 * (A B B A), and what is reported is the median of the per-round ratios, so load that comes and goes hits both alike.
 *
 * <p>Arguments: {@code [size in MiB] [rounds] [transfers per round]}, default 8, 31 and 4. The simulator keeps every
 * version of the file, in tmpfs when there is one: size × rounds × transfers × 4 must fit in it.
 */
public final class TransferPathRunner {

    private static final Logger logger = LoggerFactory.getLogger(TransferPathRunner.class);

    private static final String FOLDER = "paths";

    /** Warm-up transfers per side each way for a 1 MiB file; fewer for larger ones (see main). */
    private static final int WARM_UP_TRANSFERS = 100;

    /** The simulator keeps every version of an overwritten file: the warm-up moves at most this much per side. */
    private static final int WARM_UP_MIB = 800;

    private TransferPathRunner() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int mib = RunnerArguments.wholeNumber(args, 0, "size in MiB", 1, 8);
        int rounds = RunnerArguments.wholeNumber(args, 1, "rounds", 1, 31);
        int transfers = RunnerArguments.wholeNumber(args, 2, "transfers per round", 1, 4);
        Path root = TransferRunner.scratchDirectory("ctera-paths");
        try (ChildSimulator simulator = ChildSimulator.start(Files.createDirectory(root.resolve("portal")), "512m");
                CteraPortal direct = portal(simulator, "direct").build();
                CteraPortal throughWebClient = portal(simulator, "webclient")
                    .webClientBuilder(WebClient.builder().filter((request, next) -> next.exchange(request)))
                    .build()) {
            Path work = Files.createDirectory(root.resolve("local"));
            Path source = TransferRunner.generate(work.resolve("paths.bin"), mib * (1L << 20));
            direct.files().mkdirs("My Files/" + FOLDER);
            CloudFiles[] sides = { direct.files(), throughWebClient.files() };
            int warmUps = Math.max(3, Math.min(WARM_UP_TRANSFERS, WARM_UP_MIB / mib));
            for (int i = 0; i < warmUps; i++) {
                for (CloudFiles side : sides) {
                    upload(side, source, 1);
                    download(side, work, 1);
                }
            }
            double[][] up = new double[2][rounds];
            double[][] down = new double[2][rounds];
            for (int round = 0; round < rounds; round++) {
                int first = round % 2;
                for (int turn = 0; turn < 4; turn++) {
                    // A B B A: each side goes first and last equally often.
                    int side = (turn == 0 || turn == 3) ? first : 1 - first;
                    up[side][round] += upload(sides[side], source, transfers);
                    down[side][round] += download(sides[side], work, transfers);
                }
            }
            report("upload", up, mib, rounds, transfers);
            report("download", down, mib, rounds, transfers);
        }
        finally {
            TransferRunner.deleteTree(root);
        }
    }

    private static CteraPortalBuilder portal(ChildSimulator simulator, String name) {
        return CteraPortal.builder()
            .name(name)
            .baseUrl(simulator.baseUrl())
            .context(PortalContext.SERVICES_PORTAL)
            .credentials("alice", "EndUs3r!")
            .readTimeout(Duration.ofMinutes(1));
    }

    private static double upload(CloudFiles files, Path source, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            files.upload(source, "My Files/" + FOLDER);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double download(CloudFiles files, Path work, int times) throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            files.download("My Files/" + FOLDER + "/paths.bin", work.resolve("paths.down"));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String direction, double[][] seconds, int mib, int rounds, int transfers) {
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            // Each side moved the file twice per turn pair; the ratio is the direct path's throughput share.
            ratios[round] = seconds[1][round] / seconds[0][round];
        }
        double bytes = 2.0 * transfers * mib * (1L << 20);
        logger.info(String.format(Locale.ROOT, "%d MiB %s, %d rounds of 2 x %d per side: direct %.1f MB/s, through "
                + "WebClient %.1f MB/s (medians); direct / WebClient throughput, median of per-round ratios %.3f "
                + "(middle half %.3f-%.3f)", mib, direction, rounds, transfers,
                bytes / median(seconds[0]) / 1e6, bytes / median(seconds[1]) / 1e6, median(ratios),
                quartile(ratios, 1), quartile(ratios, 3)));
    }

    private static double median(double[] values) {
        return quartile(values, 2);
    }

    private static double quartile(double[] values, int quarter) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * quarter / 4)];
    }
}
