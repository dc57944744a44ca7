package com.ctera.benchmarks.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.resilience.TokenBucketStrategy;
import com.ctera.simulator.CteraPortalSimulator;

/**
 * Accuracy of the token bucket: callers in closed loops against a limit of {@code rate} per second (burst = rate,
 * the default), measured after a warm-up in which the initial burst is spent. Reports the achieved rate and its error
 * against the configured rate (target within 3%).
 *
 * <p>Arguments: {@code [rate] [callers] [seconds] [warm-up seconds]}, default 50, 16, 20 and 3.
 */
public final class RateAccuracyRunner {

    private static final Logger logger = LoggerFactory.getLogger(RateAccuracyRunner.class);

    private RateAccuracyRunner() {
    }

    public static void main(String[] args) {
        int rate = RunnerArguments.wholeNumber(args, 0, "rate", 1, 50);
        int callers = RunnerArguments.wholeNumber(args, 1, "callers", 1, 16);
        int seconds = RunnerArguments.wholeNumber(args, 2, "seconds", 1, 20);
        int warmup = RunnerArguments.wholeNumber(args, 3, "warm-up seconds", 0, 3);
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start();
                CteraPortal portal = RateLimitedPortals.portal(simulator, "accuracy",
                        new TokenBucketStrategy(rate, rate), Duration.ofSeconds(30))) {
            List<Supplier<Mono<?>>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String user = "nobody-" + i;
                calls.add(() -> RateLimitedPortals.lookUp(portal, user));
            }
            LoadResult result = LoadGenerator.run(calls, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
            if (result.failed() + result.refused() + result.throttled() > 0) {
                throw new IllegalStateException("calls failed during the run: " + result);
            }
            double achieved = result.successRate();
            logger.info(String.format(Locale.ROOT, "Token bucket %d/s, %d callers, %d s measured after %d s warm-up: "
                    + "%d calls, %.2f calls/s, error %+.2f%% (target within 3%%)", rate, callers, seconds, warmup,
                    result.succeeded(), achieved, (achieved / rate - 1) * 100));
        }
    }
}
