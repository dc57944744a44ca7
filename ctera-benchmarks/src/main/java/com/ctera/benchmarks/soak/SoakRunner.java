package com.ctera.benchmarks.soak;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;

/**
 * The soak of issue 21: mixed calls under mixed faults at a fixed rate against an in-process simulator, with heap,
 * threads, connections and open files sampled and checked flat. Exits with status 1 when it is not.
 *
 * <p>Arguments: {@code [calls] [calls per second] [fault mix] [callers] [sample seconds]}, default
 * {@code 100000 400} {@link FaultMix#DEFAULT} {@code 16 2}.
 */
public final class SoakRunner {

    private static final Logger logger = LoggerFactory.getLogger(SoakRunner.class);

    private SoakRunner() {
    }

    public static void main(String[] args) {
        int calls = RunnerArguments.wholeNumber(args, 0, "calls", 1, 100_000);
        int rate = RunnerArguments.wholeNumber(args, 1, "calls per second", 1, 400);
        FaultMix mix = FaultMix.parse((args.length > 2) ? args[2] : FaultMix.DEFAULT);
        int callers = RunnerArguments.wholeNumber(args, 3, "callers", 1, 16);
        int sampleSeconds = RunnerArguments.wholeNumber(args, 4, "sample seconds", 1, 2);
        logger.info("Soak: {} calls at {}/s, {} callers, faults {}", calls, rate, callers, mix);
        SoakReport report = new SoakRun(calls, rate, mix, callers, Duration.ofSeconds(sampleSeconds)).run();
        for (ResourceSample sample : report.samples()) {
            logger.info(String.format(Locale.ROOT, "t=%6.1fs calls=%7d heap=%6.1f MiB threads=%3d in-use=%2d fds=%4d",
                    sample.elapsedMillis() / 1000.0, sample.callsEnded(), sample.heapBytes() / 1048576.0,
                    sample.threads(), sample.connectionsInUse(), sample.openFiles()));
        }
        logger.info(String.format(Locale.ROOT, "%d calls in %.1f s (%.1f/s); outcomes %s", report.calls(),
                report.took().toNanos() / 1e9, report.rate(), report.outcomes()));
        report.trends().forEach(trend -> logger.info("{}", trend));
        logger.info("untyped failures {}, unfinished {}, connections in use at the end {}: {}",
                report.untypedFailures(), report.unfinished(), report.connectionsInUseAtEnd(),
                report.passed() ? "PASSED" : "FAILED");
        if (!report.passed()) {
            System.exit(1);
        }
    }
}
