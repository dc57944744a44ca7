package com.ctera.benchmarks.call;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.management.OperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.simulator.SimulatorCredentials;

/**
 * The call-overhead comparison made robust to a shared, noisy machine: the typed client and the plain
 * {@code WebClient} baseline take turns, round by round, in one JVM against one simulator, and what is reported is
 * the median of the per-round ratios, so load that comes and goes hits both sides alike.
 *
 * <p>Arguments: {@code [interceptor set] [rounds] [calls per caller per round] [baseline]}, default {@code none},
 * 15, 200 and {@code plain}. The baseline is the plain {@code WebClient} call, or the name of another interceptor set:
 * then the typed client with that set is the baseline, which prices one stage against the same client without it
 * (say {@code observation 41 50 none}). Each round runs at concurrency 1 and at 32, after ten warm-up rounds of each
 * side. The simulator runs in this JVM unless {@link BenchPortal#URL_PROPERTY} names one in another JVM.
 */
public final class CallOverheadRunner {

    private static final Logger logger = LoggerFactory.getLogger(CallOverheadRunner.class);

    private static final String USER = "alice";

    /** The baseline that is a plain {@code WebClient} call rather than the typed client. */
    private static final String PLAIN = "plain";

    /** Rounds of each side run, at each concurrency, before the measured ones. */
    private static final int WARM_UP_ROUNDS = 10;

    private static final int[] CONCURRENCY = { 1, 32 };

    /** No round may take longer than this; a stuck call fails the run instead of hanging it. */
    private static final long ROUND_LIMIT_SECONDS = 120;

    private CallOverheadRunner() {
    }

    public static void main(String[] args) throws Exception {
        String set = (args.length > 0) ? args[0] : "none";
        int rounds = RunnerArguments.wholeNumber(args, 1, "rounds", 1, 15);
        int calls = RunnerArguments.wholeNumber(args, 2, "calls per caller per round", 1, 200);
        String baseline = (args.length > 3) ? args[3] : PLAIN;
        if (!baseline.equals(PLAIN) && !InterceptorSets.NAMES.contains(baseline)) {
            throw new IllegalArgumentException("baseline must be '" + PLAIN + "' or one of the interceptor sets "
                    + InterceptorSets.NAMES + ", was '" + baseline + "'");
        }
        try (BenchPortal target = BenchPortal.fromSystemProperties();
                CteraPortal portal = client(set, target);
                AutoCloseable other = baseline(baseline, target)) {
            logger.info("Measuring against the {}", target.where());
            Runnable clientCall = () -> portal.users().get(USER);
            Runnable plainCall = (other instanceof PlainUserCall plain) ? plain::get
                    : () -> ((CteraPortal) other).users().get(USER);
            for (int concurrency : CONCURRENCY) {
                ExecutorService callers = Executors.newFixedThreadPool(concurrency);
                try {
                    // Warm-up: compile both paths and fill both connection pools before anything counts. One round
                    // was not enough: the client's longer path was still being compiled while the first rounds ran.
                    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                        timeRound(callers, concurrency, calls, clientCall);
                        timeRound(callers, concurrency, calls, plainCall);
                    }
                    report(set + " vs " + baseline, concurrency, calls,
                            measure(callers, concurrency, rounds, calls, clientCall, plainCall));
                }
                finally {
                    callers.shutdownNow();
                }
            }
        }
    }

    private static AutoCloseable baseline(String baseline, BenchPortal target) {
        return baseline.equals(PLAIN) ? new PlainUserCall(target.baseUrl(), target.admin(), USER)
                : client(baseline, target);
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
     * Per round: the client's and the baseline's elapsed nanoseconds ({@code [round][0 or 1]}) and the CPU
     * nanoseconds this JVM used meanwhile ({@code [round][2 or 3]}), taking turns on who goes first.
     */
    private static long[][] measure(ExecutorService callers, int concurrency, int rounds, int calls,
            Runnable clientCall, Runnable plainCall) throws Exception {
        long[][] measured = new long[rounds][4];
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                record(measured[round], 0, timeRound(callers, concurrency, calls, clientCall));
                record(measured[round], 1, timeRound(callers, concurrency, calls, plainCall));
            }
            else {
                record(measured[round], 1, timeRound(callers, concurrency, calls, plainCall));
                record(measured[round], 0, timeRound(callers, concurrency, calls, clientCall));
            }
        }
        return measured;
    }

    private static void record(long[] round, int side, long[] elapsedAndCpu) {
        round[side] = elapsedAndCpu[0];
        round[side + 2] = elapsedAndCpu[1];
    }

    /** One round: elapsed nanoseconds, and CPU nanoseconds of this whole JVM (-1 where the JVM cannot tell). */
    private static long[] timeRound(ExecutorService callers, int concurrency, int calls, Runnable call)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Future<?>> done = new ArrayList<>(concurrency);
        long cpuStart = processCpuNanos();
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
        long cpuEnd = processCpuNanos();
        return new long[] { elapsed, (cpuStart < 0 || cpuEnd < 0) ? -1 : cpuEnd - cpuStart };
    }

    // CPU time does not count the time a thread waits for a core, so on a loaded machine it varies far less than
    // elapsed time; with the simulator in another JVM it is the client side's own work.
    private static long processCpuNanos() {
        return (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os)
                ? os.getProcessCpuTime() : -1;
    }

    private static void report(String set, int concurrency, int calls, long[][] elapsed) {
        int rounds = elapsed.length;
        reportCpu(set, concurrency, calls, elapsed);
        double[] ratios = new double[rounds];
        long[] client = new long[rounds];
        long[] plain = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            client[i] = elapsed[i][0];
            plain[i] = elapsed[i][1];
            ratios[i] = (double) elapsed[i][0] / elapsed[i][1];
        }
        Arrays.sort(ratios);
        Arrays.sort(client);
        Arrays.sort(plain);
        double totalCalls = (double) calls * concurrency;
        double medianRatio = ratios[rounds / 2];
        if (concurrency == 1) {
            logger.info(String.format(Locale.ROOT, "interceptors=%s concurrency 1: client %.1f µs/call, baseline "
                    + "%.1f µs/call (medians of %d rounds of %d calls); client/baseline latency, median of per-round "
                    + "ratios %.2f (range %.2f-%.2f): %+.0f%%", set, client[rounds / 2] / totalCalls / 1e3,
                    plain[rounds / 2] / totalCalls / 1e3, rounds, calls, medianRatio, ratios[0], ratios[rounds - 1],
                    (medianRatio - 1) * 100));
        }
        else {
            logger.info(String.format(Locale.ROOT, "interceptors=%s concurrency %d: client %.0f calls/s, baseline "
                    + "%.0f calls/s (medians of %d rounds of %d calls per caller); client throughput as a share of "
                    + "the baseline, median of per-round ratios %.0f%% (range %.0f%%-%.0f%%)", set, concurrency,
                    totalCalls / (client[rounds / 2] / 1e9), totalCalls / (plain[rounds / 2] / 1e9), rounds, calls,
                    100 / medianRatio, 100 / ratios[rounds - 1], 100 / ratios[0]));
        }
    }

    private static void reportCpu(String set, int concurrency, int calls, long[][] measured) {
        int rounds = measured.length;
        double[] ratios = new double[rounds];
        long[] client = new long[rounds];
        long[] baseline = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            if (measured[i][2] <= 0 || measured[i][3] <= 0) {
                return;
            }
            client[i] = measured[i][2];
            baseline[i] = measured[i][3];
            ratios[i] = (double) client[i] / baseline[i];
        }
        Arrays.sort(ratios);
        Arrays.sort(client);
        Arrays.sort(baseline);
        double totalCalls = (double) calls * concurrency;
        logger.info(String.format(Locale.ROOT, "interceptors=%s concurrency %d: CPU of this JVM per call, client "
                + "%.1f µs, baseline %.1f µs (medians); client/baseline CPU, median of per-round ratios %.2f (range "
                + "%.2f-%.2f)", set, concurrency, client[rounds / 2] / totalCalls / 1e3,
                baseline[rounds / 2] / totalCalls / 1e3, ratios[rounds / 2], ratios[0], ratios[rounds - 1]));
    }
}
