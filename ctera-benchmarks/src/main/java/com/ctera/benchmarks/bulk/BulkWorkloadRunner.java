package com.ctera.benchmarks.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.bulk.BulkListener;
import com.ctera.client.bulk.BulkOptions;
import com.ctera.client.bulk.BulkResult;
import com.ctera.client.bulk.CteraBulk;
import com.ctera.client.files.FileInfo;
import com.ctera.client.users.NewUser;
import com.ctera.client.users.UserQuery;

/**
 * One workload written the way each client's user would write it: add users, list them, upload and download files of
 * 1 MiB, delete the users. {@code bulk} uses this client's bulk API (32 in flight); {@code loop} is a plain loop of
 * single blocking calls with the same client, which is what the official SDK offers. Run each side in a JVM of its
 * own: the first round is the cold figure, the median of the others the warm one.
 *
 * <p>Arguments: {@code bulk|loop [latency ms] [rounds] [users] [files]}, default latency 20, 3 rounds, 1000 users,
 * 100 files, and where the simulator runs: {@code --simulator in-process|own-jvm} or {@code --portal-url URL} (see
 * {@link SlowPortal}).
 */
public final class BulkWorkloadRunner {

    private static final Logger logger = LoggerFactory.getLogger(BulkWorkloadRunner.class);

    private static final int FILE_SIZE = 1024 * 1024;

    private static final BulkOptions OPTIONS = BulkOptions.DEFAULTS.withMaxConcurrency(32);

    private BulkWorkloadRunner() {
    }

    public static void main(String[] options) throws IOException {
        String[] args = SlowPortal.positional(options);
        if (args.length < 1 || !List.of("bulk", "loop").contains(args[0])) {
            throw new IllegalArgumentException("first argument must be bulk or loop");
        }
        boolean bulk = args[0].equals("bulk");
        int latencyMs = RunnerArguments.wholeNumber(args, 1, "latency ms", 0, 20);
        int rounds = RunnerArguments.wholeNumber(args, 2, "rounds", 1, 3);
        int userCount = RunnerArguments.wholeNumber(args, 3, "users", 1, 1000);
        int fileCount = RunnerArguments.wholeNumber(args, 4, "files", 1, 100);
        Path work = Files.createTempDirectory("bulk-workload");
        Path source = Files.createDirectories(work.resolve("source"));
        Random random = new Random(7);
        byte[] content = new byte[FILE_SIZE];
        for (int i = 0; i < fileCount; i++) {
            random.nextBytes(content);
            Files.write(source.resolve(String.format(Locale.ROOT, "file-%03d.bin", i)), content);
        }
        List<Double> totals = new ArrayList<>();
        try (SlowPortal portal = SlowPortal.open(options, Duration.ofMillis(latencyMs))) {
            logger.info("Against {}", portal.placement());
            String run = Long.toString(System.currentTimeMillis(), 36);
            for (int round = 1; round <= rounds; round++) {
                String prefix = "wl" + run + "r" + round + "x";
                List<NewUser> users = new ArrayList<>(userCount);
                for (int i = 0; i < userCount; i++) {
                    String name = prefix + i;
                    users.add(NewUser.builder(name).email(name + "@bench.example").fullName("Work", "Load")
                        .password("Passw0rd!1").build());
                }
                String folder = "My Files/workload-" + run + "-" + round;
                Path target = work.resolve("target-" + round);
                Phases phases = new Phases();
                if (bulk) {
                    CteraBulk admin = CteraBulk.of(portal.admin(), OPTIONS);
                    CteraBulk files = CteraBulk.of(portal.endUser(), OPTIONS);
                    phases.time("add", () -> check(admin.users().create(users, OPTIONS, BulkListener.NONE).await()));
                    phases.time("list", () -> listed(portal.admin(), prefix, userCount));
                    phases.time("upload", () -> check(files.files().upload(source, folder, OPTIONS,
                            BulkListener.NONE).await()));
                    phases.time("download", () -> check(files.files().download(folder, target, OPTIONS,
                            BulkListener.NONE).block().await()));
                    phases.time("delete", () -> check(admin.users().delete(users.stream().map(NewUser::name)
                        .toList(), OPTIONS, BulkListener.NONE).await()));
                }
                else {
                    phases.time("add", () -> users.forEach(user -> portal.admin().users().add(user)));
                    phases.time("list", () -> listed(portal.admin(), prefix, userCount));
                    phases.time("upload", () -> {
                        portal.endUser().files().mkdirs(folder);
                        for (Path file : files(source)) {
                            portal.endUser().files().upload(file, folder);
                        }
                    });
                    phases.time("download", () -> {
                        createDirectories(target);
                        try (Stream<FileInfo> listing = portal.endUser().files().list(folder)) {
                            listing.forEach(item -> portal.endUser().files().download(item.path(),
                                    target.resolve(item.name())));
                        }
                    });
                    phases.time("delete", () -> users.forEach(user -> portal.admin().users().delete(user.name())));
                }
                if (files(target).size() != fileCount || files(target).stream().anyMatch(f -> size(f) != FILE_SIZE)) {
                    throw new IllegalStateException("the download is incomplete in " + target);
                }
                totals.add(phases.total);
                logger.info(String.format(Locale.ROOT, "%s, %s, latency %d ms, round %d (%s): %s; total %.2f s",
                        args[0], (round == 1) ? "cold JVM" : "warm JVM", latencyMs, round,
                        userCount + " users, " + fileCount + " files of 1 MiB", phases.text, phases.total));
            }
        }
        List<Double> warm = new ArrayList<>(totals.subList(Math.min(1, totals.size()), totals.size()));
        warm.sort(Double::compare);
        logger.info(String.format(Locale.ROOT, "result %s latency %d ms: cold %.2f s, warm median %.2f s", args[0],
                latencyMs, totals.get(0), warm.isEmpty() ? Double.NaN : warm.get(warm.size() / 2)));
    }

    private static void listed(CteraPortal admin, String prefix, int expected) {
        long count;
        try (Stream<?> users = admin.users().list(UserQuery.builder().nameLike(prefix).build())) {
            count = users.count();
        }
        if (count != expected) {
            throw new IllegalStateException("listed " + count + " users, expected " + expected);
        }
    }

    private static void check(BulkResult result) {
        if (!result.allSucceeded()) {
            throw new IllegalStateException("not every item succeeded: " + result + " " + result.failed());
        }
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Times the phases of one round. */
    private static final class Phases {

        private final StringBuilder text = new StringBuilder();

        private double total;

        void time(String name, Runnable phase) {
            long start = System.nanoTime();
            phase.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            this.total += seconds;
            this.text.append((this.text.length() == 0) ? "" : ", ").append(name)
                .append(String.format(Locale.ROOT, " %.2f s", seconds));
        }
    }
}
