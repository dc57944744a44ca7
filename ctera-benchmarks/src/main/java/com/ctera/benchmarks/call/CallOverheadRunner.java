package com.ctera.benchmarks.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.simulator.SimulatorCredentials;

/**
 * The call-overhead comparison made robust to a shared, noisy machine: two sides take turns in one JVM against one
 * simulator. At concurrency 1 they alternate call by call (A B B A), and a round's figure is each side's median call;
 * at concurrency 32 they alternate round by round, with the CPU time of this JVM's threads per call. What is reported
 * is the median of the per-round ratios, so load that comes and goes hits both sides alike.
 *
 * <p>Arguments: {@code [side] [rounds] [calls per caller per round] [baseline]}, default {@code none}, 15, 200 and
 * {@code plain}. Either side is an interceptor set of the typed client, {@code plain} (a plain {@code WebClient}
 * call), {@code netty-decoded} (Reactor Netty's {@code HttpClient} and the client's codec, no typed client) or, as
 * the baseline only, {@code netty} (Reactor Netty's {@code HttpClient} alone); {@code observation 41 50
 * none} prices one stage against the same client without it. Warm-up rounds of both sides come first, until the
 * JIT compiler is quiet. The simulator runs in this JVM unless {@link BenchPortal#URL_PROPERTY} names one in another
 * JVM.
 */
public final class CallOverheadRunner {

    private static final Logger logger = LoggerFactory.getLogger(CallOverheadRunner.class);

    private static final String USER = "alice";

    /** The baseline that is a plain {@code WebClient} call rather than the typed client. */
    private static final String PLAIN = "plain";

    /** The baseline that is Reactor Netty's {@code HttpClient} alone, below the {@code WebClient}. */
    private static final String NETTY = "netty";

    /** Reactor Netty's {@code HttpClient} with the client's codec decoding the answer: a typed call's floor. */
    private static final String NETTY_DECODED = "netty-decoded";

    /** The fewest rounds of each side run, at each concurrency, before the measured ones. */
    private static final int MIN_WARM_UP_ROUNDS = 10;

    /**
     * The most warm-up rounds; {@code -Dctera.bench.warmup=N} changes it. A fixed 10 was far too few on one pinned
     * core: with 32 callers runnable, the compiler's thread gets a thirty-third of the core, so the JIT was still
     * compiling through every measured round (13 µs of compiler CPU per call, a quarter of the whole), and more so
     * for the side with more code.
     */
    private static final int MAX_WARM_UP_ROUNDS = Integer.getInteger("ctera.bench.warmup", 150);

    /** Warm-up ends once the compiler's threads took less than this share of a round's CPU, twice running. */
    private static final double QUIET_COMPILER_SHARE = 0.01;

    /**
     * Starts the one line a parent process reads ({@link CallOverheadForks}): the concurrency-1 latency ratio, the
     * concurrency-32 throughput share, and the concurrency-32 CPU ratios of the Java threads and of all threads,
     * each the median of the per-round ratios.
     */
    static final String RESULT_PREFIX = "result (c1 latency ratio, c32 throughput share, c32 CPU ratios): ";

    /**
     * Builds the baseline before the measured side when true. The order a typed client is built in moves its CPU per
     * call at concurrency 32 by several percent: of two typed clients the one built first is cheaper, whichever side
     * it is and whatever the portals are named; against a plain call the typed client built first is the dearer (two
     * plain calls show no difference). The client built first has its connections on fewer of Reactor Netty's event
     * loops, and on one core more loops cost more per call; with one I/O thread it is gone ({@link ThreadCpuBySide}).
     * {@link CallOverheadForks} builds each side first in half of its JVMs, so that the difference cancels out.
     */
    static final String BASELINE_BUILT_FIRST_PROPERTY = "ctera.bench.baseline-built-first";

    /**
     * Measures the first side alone, with no second client in the JVM, when true: what an application with one
     * client pays, free of the build-order difference above. {@link CallOverheadForks} then compares JVMs of either
     * side taken in turns.
     */
    static final String ALONE_PROPERTY = "ctera.bench.alone";

    /**
     * Starts the one line of a side measured alone: its median concurrency-1 latency in nanoseconds, its median
     * concurrency-32 throughput in calls per second, and its median CPU per call of all threads in nanoseconds.
     */
    static final String ALONE_RESULT_PREFIX = "alone (c1 latency ns, c32 calls/s, c32 CPU ns per call): ";

    /**
     * Logs, when true, the CPU per call of each side at concurrency 32 thread by thread ({@link ThreadCpuBySide}). Off
     * by default: naming the threads of every round costs a little of the measured CPU.
     */
    static final String BY_THREAD_PROPERTY = "ctera.bench.by-thread";

    private static final boolean BY_THREAD = Boolean.getBoolean(BY_THREAD_PROPERTY);

    /** The callers of the throughput measure. */
    private static final int PARALLEL_CALLERS = 32;

    /** No round may take longer than this; a stuck call fails the run instead of hanging it. */
    private static final long ROUND_LIMIT_SECONDS = 120;

    private CallOverheadRunner() {
    }

    public static void main(String[] args) throws Exception {
        String set = (args.length > 0) ? args[0] : "none";
        if (!set.equals(PLAIN) && !set.equals(NETTY_DECODED) && !InterceptorSets.isKnown(set)) {
            throw new IllegalArgumentException("the measured side must be '" + PLAIN + "', '" + NETTY_DECODED
                    + "' or one of the interceptor sets " + InterceptorSets.NAMES + ", was '" + set + "'");
        }
        int rounds = RunnerArguments.wholeNumber(args, 1, "rounds", 1, 15);
        int calls = RunnerArguments.wholeNumber(args, 2, "calls per caller per round", 1, 200);
        String baseline = (args.length > 3) ? args[3] : PLAIN;
        if (!baseline.equals(PLAIN) && !baseline.equals(NETTY) && !baseline.equals(NETTY_DECODED)
                && !InterceptorSets.isKnown(baseline)) {
            throw new IllegalArgumentException("baseline must be '" + PLAIN + "', '" + NETTY + "', '" + NETTY_DECODED
                    + "' or one of the "
                    + "interceptor sets "
                    + InterceptorSets.NAMES + ", was '" + baseline + "'");
        }
        if (Boolean.getBoolean(ALONE_PROPERTY)) {
            measureAlone(set, rounds, calls);
            return;
        }
        boolean baselineFirst = Boolean.getBoolean(BASELINE_BUILT_FIRST_PROPERTY);
        try (BenchPortal target = BenchPortal.fromSystemProperties();
                AutoCloseable first = side(baselineFirst ? baseline : set, target);
                AutoCloseable second = side(baselineFirst ? set : baseline, target)) {
            AutoCloseable measured = baselineFirst ? second : first;
            AutoCloseable other = baselineFirst ? first : second;
            logger.info("Measuring against the {}", target.where());
            Runnable clientCall = call(set, measured);
            Runnable plainCall = call(baseline, other);
            ExecutorService callers = Executors.newFixedThreadPool(PARALLEL_CALLERS);
            try {
                warmUp(callers, calls, clientCall, plainCall);
                double latency = reportLatency(set + " vs " + baseline, rounds, calls, measureOneByOne(rounds,
                        calls, clientCall, plainCall));
                @Nullable ThreadCpuBySide byThread = BY_THREAD ? new ThreadCpuBySide() : null;
                double[] throughputAndCpu = report(set + " vs " + baseline, PARALLEL_CALLERS, calls,
                        measure(callers, PARALLEL_CALLERS, rounds, calls, clientCall, plainCall, byThread));
                if (byThread != null) {
                    byThread.log(logger, set + " vs " + baseline, (long) rounds * calls * PARALLEL_CALLERS);
                }
                if (InterceptorSets.tracedSpans() > 0) {
                    logger.info("The traced sets' tracer finished {} spans", InterceptorSets.tracedSpans());
                }
                logger.info(String.format(Locale.ROOT, "%s%.4f %.4f %.4f %.4f", RESULT_PREFIX, latency,
                        throughputAndCpu[0], throughputAndCpu[1], throughputAndCpu[2]));
            }
            finally {
                callers.shutdownNow();
            }
        }
    }

    private static void measureAlone(String set, int rounds, int calls) throws Exception {
        try (BenchPortal target = BenchPortal.fromSystemProperties();
                AutoCloseable measured = side(set, target)) {
            Runnable call = call(set, measured);
            ExecutorService callers = Executors.newFixedThreadPool(PARALLEL_CALLERS);
            try {
                warmUp(callers, calls, call, call);
                long[] latencies = new long[rounds];
                double[] throughputs = new double[rounds];
                double[] cpuPerCall = new double[rounds];
                long[] oneByOne = new long[calls];
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < calls; i++) {
                        oneByOne[i] = timeOne(call);
                    }
                    Arrays.sort(oneByOne);
                    latencies[round] = oneByOne[calls / 2];
                    long[] figures = timeRound(callers, PARALLEL_CALLERS, calls, call);
                    double total = (double) calls * PARALLEL_CALLERS;
                    throughputs[round] = total / (figures[0] / 1e9);
                    cpuPerCall[round] = figures[2] / total;
                }
                Arrays.sort(latencies);
                Arrays.sort(throughputs);
                Arrays.sort(cpuPerCall);
                logger.info(String.format(Locale.ROOT, "%s alone: median latency at concurrency 1 %.1f µs, "
                        + "throughput at concurrency 32 %.0f calls/s (middle half %.0f-%.0f), CPU of all threads per "
                        + "call %.1f µs", set, latencies[rounds / 2] / 1e3, throughputs[rounds / 2],
                        throughputs[rounds / 4], throughputs[(3 * rounds) / 4], cpuPerCall[rounds / 2] / 1e3));
                logger.info(String.format(Locale.ROOT, "%s%d %.1f %.1f", ALONE_RESULT_PREFIX, latencies[rounds / 2],
                        throughputs[rounds / 2], cpuPerCall[rounds / 2]));
            }
            finally {
                callers.shutdownNow();
            }
        }
    }

    /**
     * Compiles both paths and fills both connection pools before anything counts: rounds of both sides at both
     * concurrencies until the JIT is quiet (or, where the compiler's CPU cannot be read, the most rounds allowed).
     */
    private static void warmUp(ExecutorService callers, int calls, Runnable clientCall, Runnable plainCall)
            throws Exception {
        int quietRounds = 0;
        int round = 0;
        double compilerShare = Double.NaN;
        while (round < MAX_WARM_UP_ROUNDS && (round < MIN_WARM_UP_ROUNDS || quietRounds < 2)) {
            alternateOneByOne(calls, clientCall, plainCall);
            long[] client = timeRound(callers, PARALLEL_CALLERS, calls, clientCall);
            long[] plain = timeRound(callers, PARALLEL_CALLERS, calls, plainCall);
            long allCpu = client[2] + plain[2];
            compilerShare = (allCpu > 0) ? (double) (client[4] + plain[4]) / allCpu : Double.NaN;
            quietRounds = (compilerShare < QUIET_COMPILER_SHARE) ? quietRounds + 1 : 0;
            round++;
        }
        logger.info(String.format(Locale.ROOT, "Warmed up in %d rounds; the compiler took %.1f%% of the last one's "
                + "CPU", round, compilerShare * 100));
    }

    /**
     * Concurrency 1, the two sides alternating call by call (ABBA, so neither always goes first): per round, the
     * median latency of each side's calls in nanoseconds ({@code [round][0 or 1]}). Load that comes and goes within a
     * round hits both sides alike, and the median leaves out the calls a preemption stretched.
     */
    private static long[][] measureOneByOne(int rounds, int calls, Runnable clientCall, Runnable plainCall) {
        long[][] medians = new long[rounds][];
        for (int round = 0; round < rounds; round++) {
            long[][] latencies = alternateOneByOne(calls, clientCall, plainCall);
            Arrays.sort(latencies[0]);
            Arrays.sort(latencies[1]);
            medians[round] = new long[] { latencies[0][calls / 2], latencies[1][calls / 2] };
        }
        return medians;
    }

    /** {@code calls} calls of each side, alternating ABBA; each call's latency in nanoseconds, per side. */
    private static long[][] alternateOneByOne(int calls, Runnable clientCall, Runnable plainCall) {
        long[][] latencies = new long[2][calls];
        for (int i = 0; i < calls; i++) {
            boolean clientFirst = (i % 2 == 0);
            latencies[clientFirst ? 0 : 1][i] = timeOne(clientFirst ? clientCall : plainCall);
            latencies[clientFirst ? 1 : 0][i] = timeOne(clientFirst ? plainCall : clientCall);
        }
        return latencies;
    }

    private static long timeOne(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static AutoCloseable side(String name, BenchPortal target) {
        return switch (name) {
            case PLAIN -> new PlainUserCall(target.baseUrl(), target.admin(), USER);
            case NETTY, NETTY_DECODED -> new NettyUserCall(target.baseUrl(), target.admin(), USER);
            default -> client(name, target);
        };
    }

    private static Runnable call(String name, AutoCloseable side) {
        if (side instanceof PlainUserCall plain) {
            return plain::get;
        }
        if (side instanceof NettyUserCall netty) {
            return name.equals(NETTY_DECODED) ? netty::getDecoded : netty::get;
        }
        CteraPortal portal = (CteraPortal) side;
        return () -> portal.users().get(USER);
    }

    private static CteraPortal client(String set, BenchPortal target) {
        SimulatorCredentials admin = target.admin();
        CteraPortal portal = InterceptorSets.apply(set, CteraPortal.builder()
            .name("bench")
            .baseUrl(target.baseUrl())
            .credentials(admin.username(), admin.password())).build();
        if (!USER.equals(portal.users().get(USER).name())) {
            throw new IllegalStateException("the client did not read user " + USER);
        }
        return portal;
    }

    /**
     * Per round, for the client and the baseline ({@code +0} or {@code +1}): elapsed nanoseconds ({@code [round][0]}),
     * the CPU nanoseconds of this JVM's Java threads ({@code [round][2]}), of all its threads, the collector's and
     * the compiler's included ({@code [round][4]}), the collector's pause milliseconds ({@code [round][6]}), and
     * the CPU nanoseconds of the compiler's and the collector's threads ({@code [round][8]}, {@code [round][10]});
     * the two sides take turns on who goes first.
     */
    private static long[][] measure(ExecutorService callers, int concurrency, int rounds, int calls,
            Runnable clientCall, Runnable plainCall, @Nullable ThreadCpuBySide byThread) throws Exception {
        long[][] measured = new long[rounds][12];
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                record(measured[round], 0, timeRound(callers, concurrency, calls, clientCall, byThread, 0));
                record(measured[round], 1, timeRound(callers, concurrency, calls, plainCall, byThread, 1));
            }
            else {
                record(measured[round], 1, timeRound(callers, concurrency, calls, plainCall, byThread, 1));
                record(measured[round], 0, timeRound(callers, concurrency, calls, clientCall, byThread, 0));
            }
        }
        return measured;
    }

    private static void record(long[] round, int side, long[] figures) {
        for (int figure = 0; figure < figures.length; figure++) {
            round[2 * figure + side] = figures[figure];
        }
    }

    /**
     * One round: elapsed nanoseconds, CPU nanoseconds of this JVM's Java threads and of all its threads, the
     * collector's pause milliseconds, and the CPU nanoseconds of the compiler's and of the collector's threads.
     */
    private static long[] timeRound(ExecutorService callers, int concurrency, int calls, Runnable call)
            throws InterruptedException, ExecutionException, TimeoutException {
        return timeRound(callers, concurrency, calls, call, null, 0);
    }

    /** {@link #timeRound(ExecutorService, int, int, Runnable)}, adding each thread's CPU to {@code byThread}. */
    private static long[] timeRound(ExecutorService callers, int concurrency, int calls, Runnable call,
            @Nullable ThreadCpuBySide byThread, int side)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Future<?>> done = new ArrayList<>(concurrency);
        Map<Long, Long> cpuStart = threadCpuNanos();
        long[] allCpuStart = allThreadsCpuNanos();
        long gcStart = collectorMillis();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            done.add(callers.submit(() -> {
                for (int n = 0; n < calls; n++) {
                    call.run();
                }
            }));
        }
        long deadline = start + TimeUnit.SECONDS.toNanos(ROUND_LIMIT_SECONDS);
        for (Future<?> caller : done) {
            caller.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        long elapsed = System.nanoTime() - start;
        long gc = collectorMillis() - gcStart;
        long[] allCpuEnd = allThreadsCpuNanos();
        Map<Long, Long> cpuEnd = threadCpuNanos();
        long cpu = 0;
        for (Map.Entry<Long, Long> thread : cpuEnd.entrySet()) {
            cpu += thread.getValue() - cpuStart.getOrDefault(thread.getKey(), 0L);
        }
        if (byThread != null) {
            byThread.add(side, cpuStart, cpuEnd);
        }
        return new long[] { elapsed, cpu, allCpuEnd[0] - allCpuStart[0], gc, allCpuEnd[1] - allCpuStart[1],
            allCpuEnd[2] - allCpuStart[2] };
    }

    // The CPU time of every Java thread, in nanoseconds. It leaves out the time a thread waits for a core, so on a
    // loaded machine it varies far less than elapsed time, and unlike the process's CPU time (counted in 10 ms
    // ticks) it is exact for a short round. It does not count the JVM's own GC and JIT threads. With the simulator
    // in another JVM, it is the client side's own work.
    private static Map<Long, Long> threadCpuNanos() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
            .getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] > 0) {
                byThread.put(ids[i], cpu[i]);
            }
        }
        return byThread;
    }

    // The CPU time of this process's threads, the JVM's own included (which the Java threads' figure leaves out):
    // the run time in nanoseconds the scheduler keeps for each task, in total and for the compiler's and the
    // collector's threads by their names. A thread that ends within a round loses its share; the JVM's own threads
    // live as long as the process. Linux only; elsewhere it reads 0.
    private static long[] allThreadsCpuNanos() {
        long[] totalCompilerCollector = new long[3];
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return totalCompilerCollector;
        }
        try (DirectoryStream<Path> each = Files.newDirectoryStream(tasks)) {
            for (Path task : each) {
                try {
                    String schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII);
                    long ran = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                    String name = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII);
                    totalCompilerCollector[0] += ran;
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        totalCompilerCollector[1] += ran;
                    }
                    // The serial collector (what the JVM picks on one core) collects in the VM thread.
                    else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
                        totalCompilerCollector[2] += ran;
                    }
                }
                catch (NoSuchFileException ended) {
                    // The thread ended between listing and reading.
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return totalCompilerCollector;
    }

    private static long collectorMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /** Logs the concurrency-1 comparison; the median of the per-round latency ratios. */
    private static double reportLatency(String sides, int rounds, int calls, long[][] medians) {
        double[] ratios = new double[rounds];
        long[] client = new long[rounds];
        long[] plain = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            client[i] = medians[i][0];
            plain[i] = medians[i][1];
            ratios[i] = (double) client[i] / plain[i];
        }
        Arrays.sort(ratios);
        Arrays.sort(client);
        Arrays.sort(plain);
        double medianRatio = ratios[rounds / 2];
        logger.info(String.format(Locale.ROOT, "%s concurrency 1, call by call: median latency client %.1f µs, "
                + "baseline %.1f µs (medians of %d rounds of %d calls each); client/baseline latency, median of "
                + "per-round ratios %.3f (range %.3f-%.3f, middle half %.3f-%.3f): %+.1f%%", sides,
                client[rounds / 2] / 1e3, plain[rounds / 2] / 1e3, rounds, calls, medianRatio, ratios[0],
                ratios[rounds - 1], ratios[rounds / 4], ratios[(3 * rounds) / 4], (medianRatio - 1) * 100));
        return medianRatio;
    }

    /** Logs the concurrency-32 comparison; the medians of the per-round throughput shares and CPU ratios. */
    private static double[] report(String sides, int concurrency, int calls, long[][] measured) {
        int rounds = measured.length;
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        long[] client = new long[rounds];
        long[] plain = new long[rounds];
        long[] clientCpu = new long[rounds];
        long[] plainCpu = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            client[i] = measured[i][0];
            plain[i] = measured[i][1];
            ratios[i] = (double) measured[i][0] / measured[i][1];
            clientCpu[i] = measured[i][2];
            plainCpu[i] = measured[i][3];
            cpuRatios[i] = (double) measured[i][2] / measured[i][3];
        }
        Arrays.sort(ratios);
        Arrays.sort(cpuRatios);
        Arrays.sort(client);
        Arrays.sort(plain);
        Arrays.sort(clientCpu);
        Arrays.sort(plainCpu);
        double totalCalls = (double) calls * concurrency;
        logger.info(String.format(Locale.ROOT, "%s concurrency %d: CPU of this JVM's threads per call, client "
                + "%.1f µs, baseline %.1f µs (medians); client/baseline CPU, median of per-round ratios %.3f (range "
                + "%.3f-%.3f, middle half %.3f-%.3f)", sides, concurrency, clientCpu[rounds / 2] / totalCalls / 1e3,
                plainCpu[rounds / 2] / totalCalls / 1e3, cpuRatios[rounds / 2], cpuRatios[0],
                cpuRatios[rounds - 1], cpuRatios[rounds / 4], cpuRatios[(3 * rounds) / 4]));
        logger.info(String.format(Locale.ROOT, "%s concurrency %d: client %.0f calls/s, baseline %.0f calls/s "
                + "(medians of %d rounds of %d calls per caller); client throughput as a share of the baseline, "
                + "median of per-round ratios %.1f%% (range %.1f%%-%.1f%%, middle half %.1f%%-%.1f%%)", sides,
                concurrency, totalCalls / (client[rounds / 2] / 1e9), totalCalls / (plain[rounds / 2] / 1e9), rounds,
                calls, 100 / ratios[rounds / 2], 100 / ratios[rounds - 1], 100 / ratios[0],
                100 / ratios[(3 * rounds) / 4], 100 / ratios[rounds / 4]));
        double[] allCpuRatios = new double[rounds];
        long clientAllCpu = 0;
        long plainAllCpu = 0;
        long clientGc = 0;
        long plainGc = 0;
        long clientCompiler = 0;
        long plainCompiler = 0;
        long clientCollector = 0;
        long plainCollector = 0;
        for (int i = 0; i < rounds; i++) {
            allCpuRatios[i] = (double) measured[i][4] / Math.max(1, measured[i][5]);
            clientAllCpu += measured[i][4];
            plainAllCpu += measured[i][5];
            clientGc += measured[i][6];
            plainGc += measured[i][7];
            clientCompiler += measured[i][8];
            plainCompiler += measured[i][9];
            clientCollector += measured[i][10];
            plainCollector += measured[i][11];
        }
        Arrays.sort(allCpuRatios);
        logger.info(String.format(Locale.ROOT, "%s concurrency %d: CPU of all this JVM's threads (collector and "
                + "compiler included) per call, client %.1f µs, baseline %.1f µs (means); client/baseline, median "
                + "of per-round ratios %.3f (middle half %.3f-%.3f); collector pauses over all rounds, client %d ms, "
                + "baseline %d ms; of the CPU per call, the compiler's threads client %.2f µs, baseline %.2f µs, the "
                + "collector's client %.2f µs, baseline %.2f µs", sides, concurrency,
                clientAllCpu / (totalCalls * rounds) / 1e3, plainAllCpu / (totalCalls * rounds) / 1e3,
                allCpuRatios[rounds / 2], allCpuRatios[rounds / 4], allCpuRatios[(3 * rounds) / 4], clientGc, plainGc,
                clientCompiler / (totalCalls * rounds) / 1e3, plainCompiler / (totalCalls * rounds) / 1e3,
                clientCollector / (totalCalls * rounds) / 1e3, plainCollector / (totalCalls * rounds) / 1e3));
        return new double[] { 1 / ratios[rounds / 2], cpuRatios[rounds / 2], allCpuRatios[rounds / 2] };
    }
}
