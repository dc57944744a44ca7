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
import com.ctera.client.resilience.AdaptiveStrategy;
import com.ctera.simulator.CteraPortalSimulator;

/**
 * Adaptive limiter against the simulator's request-rate ceiling: the limiter starts at twice the ceiling, the
 * simulator answers 429 ({@code Retry-After: 1}) above it. After a convergence period, reports the successful calls
 * per second and the share of 429s among the calls that reached the portal (targets: at least 85% of the ceiling,
 * under 5% 429s). No retry stage: every 429 is counted once.
 *
 * <p>Arguments: {@code [ceiling] [callers] [seconds] [convergence seconds]}, default 100, 16, 20 and 10.
 */
public final class AdaptiveConvergenceRunner {

    private static final Logger logger = LoggerFactory.getLogger(AdaptiveConvergenceRunner.class);

    private AdaptiveConvergenceRunner() {
    }

    public static void main(String[] args) {
        int ceiling = RunnerArguments.wholeNumber(args, 0, "ceiling", 1, 100);
        int callers = RunnerArguments.wholeNumber(args, 1, "callers", 1, 16);
        int seconds = RunnerArguments.wholeNumber(args, 2, "seconds", 1, 20);
        int convergence = RunnerArguments.wholeNumber(args, 3, "convergence seconds", 0, 10);
        double start = 2.0 * ceiling;
        boolean pause = args.length <= 4 || Boolean.parseBoolean(args[4]);
        AdaptiveStrategy strategy = new AdaptiveStrategy(start, 1, 0.5, pause, System::nanoTime);
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start();
                CteraPortal portal = RateLimitedPortals.portal(simulator, "adaptive", strategy,
                        Duration.ofSeconds(30))) {
            simulator.faults().requestRateCeiling(ceiling);
            List<Supplier<Mono<?>>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String user = "nobody-" + i;
                calls.add(() -> RateLimitedPortals.lookUp(portal, user));
            }
            LoadResult result = LoadGenerator.run(calls, Duration.ofSeconds(convergence),
                    Duration.ofSeconds(seconds));
            if (result.failed() + result.refused() > 0) {
                throw new IllegalStateException("calls failed during the run: " + result);
            }
            logger.info(String.format(Locale.ROOT, "Adaptive from %.0f/s under a ceiling of %d/s, %d callers, %d s "
                    + "measured after %d s: %.1f successes/s (%.1f%% of the ceiling, target >= 85%%), %d 429s = "
                    + "%.2f%% of calls sent (target < 5%%), limiter rate at the end %.1f/s", start, ceiling, callers,
                    seconds, convergence, result.successRate(), result.successRate() / ceiling * 100,
                    result.throttled(), result.throttledShare() * 100, strategy.currentRate()));
        }
    }
}
