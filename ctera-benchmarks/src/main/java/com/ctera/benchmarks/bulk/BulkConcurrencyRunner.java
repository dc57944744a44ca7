package com.ctera.benchmarks.bulk;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.bulk.BulkListener;
import com.ctera.client.bulk.BulkOptions;
import com.ctera.client.bulk.BulkResult;
import com.ctera.client.bulk.CteraBulk;
import com.ctera.client.users.NewUser;

/**
 * User creations per second through {@code CteraBulk.users().create} at concurrency 1, 8, 32 and 128 against a
 * simulator that holds every answer for a fixed latency; each concurrency's share of the ideal (concurrency times
 * the concurrency-1 rate) and of the same creations as a bare {@code flatMap} of single calls (no job: the
 * baseline, measured just before), and the heap in use after a collection before and after each run (with the
 * simulator in this JVM, it holds the simulator's users too).
 *
 * <p>Arguments: {@code [latency ms] [seconds of ideal work per run] [rounds]}, default 20, 4 and 2 (the first round
 * warms the JIT and is not reported), and where the simulator runs: {@code --simulator in-process|own-jvm} or
 * {@code --portal-url URL} (see {@link SlowPortal}).
 */
public final class BulkConcurrencyRunner {

    private static final Logger logger = LoggerFactory.getLogger(BulkConcurrencyRunner.class);

    private static final int[] CONCURRENCIES = { 1, 8, 32, 128 };

    private BulkConcurrencyRunner() {
    }

    private static List<NewUser> newUsers(int count, String prefix, int serial) {
        List<NewUser> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = prefix + (serial + i);
            users.add(NewUser.builder(name).email(name + "@bench.example").fullName("Bench", "User")
                .password("Passw0rd!1").build());
        }
        return users;
    }

    public static void main(String[] args) {
        String[] numbers = SlowPortal.positional(args);
        int latencyMs = RunnerArguments.wholeNumber(numbers, 0, "latency ms", 1, 20);
        int seconds = RunnerArguments.wholeNumber(numbers, 1, "seconds per run", 1, 4);
        int rounds = RunnerArguments.wholeNumber(numbers, 2, "rounds", 1, 2);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (SlowPortal portal = SlowPortal.open(args, Duration.ofMillis(latencyMs))) {
            logger.info("Against {}", portal.placement());
            CteraBulk bulk = CteraBulk.of(portal.admin());
            // Names unique to this run, so that runs against one long-running simulator (--portal-url) never collide.
            String run = Long.toString(System.currentTimeMillis(), 36);
            int serial = 0;
            for (int round = 1; round <= rounds; round++) {
                double base = 0;
                for (int concurrency : CONCURRENCIES) {
                    // The same ideal duration at every concurrency: items = seconds * concurrency * (1000 / latency).
                    int items = Math.max(20, seconds * concurrency * 1000 / latencyMs);
                    List<NewUser> users = newUsers(items, run + "c" + concurrency + "r" + round + "b", serial);
                    List<NewUser> plain = newUsers(items, run + "c" + concurrency + "r" + round + "p", serial);
                    serial += items;
                    // The baseline: the same creations as a bare flatMap of single calls, no job around them.
                    long plainStart = System.nanoTime();
                    Flux.fromIterable(plain).flatMap(user -> portal.admin().reactive().users().add(user), concurrency)
                        .blockLast();
                    double plainRate = items / ((System.nanoTime() - plainStart) / 1e9);
                    System.gc();
                    long heapBefore = memory.getHeapMemoryUsage().getUsed();
                    long start = System.nanoTime();
                    BulkResult result = bulk.users().create(users, BulkOptions.DEFAULTS.withMaxConcurrency(concurrency),
                            BulkListener.NONE).await();
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    System.gc();
                    long heapAfter = memory.getHeapMemoryUsage().getUsed();
                    if (!result.allSucceeded()) {
                        throw new IllegalStateException("not every creation succeeded: " + result);
                    }
                    double rate = items / elapsed;
                    if (concurrency == 1) {
                        base = rate;
                    }
                    logger.info(String.format(Locale.ROOT, "%s latency %d ms, concurrency %3d: %6d users in %6.2f s = "
                            + "%8.1f users/s, %5.1f%% of %d x the concurrency-1 rate, %5.1f%% of a bare flatMap "
                            + "(%.1f/s); heap after GC %.1f -> %.1f MiB",
                            (round < rounds) ? "warm-up" : "measured", latencyMs, concurrency, items, elapsed, rate,
                            100 * rate / (concurrency * base), concurrency, 100 * rate / plainRate, plainRate,
                            heapBefore / 1048576.0, heapAfter / 1048576.0));
                }
            }
        }
    }
}
