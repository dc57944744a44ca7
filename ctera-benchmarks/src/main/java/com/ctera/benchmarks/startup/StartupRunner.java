package com.ctera.benchmarks.startup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.ctera.autoconfigure.client.CteraPortals;
import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * Times the start of a Spring application context (web type none) without the starter, with 1 portal and with 10,
 * in one warm JVM, scenarios interleaved round by round so machine noise spreads over all of them. Every portal
 * points at a running simulator, which must receive no request at all: login is lazy, so start-up is offline.
 *
 * <p>Arguments: {@code [rounds] [warm-up rounds]}, default 30 and 10.
 */
public final class StartupRunner {

    private static final Logger logger = LoggerFactory.getLogger(StartupRunner.class);

    private StartupRunner() {
    }

    public static void main(String[] args) {
        int rounds = RunnerArguments.wholeNumber(args, 0, "rounds", 1, 30);
        int warmup = RunnerArguments.wholeNumber(args, 1, "warm-up rounds", 0, 10);
        List<StartupScenario> scenarios = List.of(StartupScenario.withoutStarter(), StartupScenario.withPortals(1),
                StartupScenario.withPortals(10));
        Map<StartupScenario, long[]> times = new LinkedHashMap<>();
        scenarios.forEach(scenario -> times.put(scenario, new long[rounds]));
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start()) {
            SimulatorCredentials admin = simulator.adminCredentials();
            String url = simulator.baseUrl().toString();
            for (int round = 0; round < warmup + rounds; round++) {
                for (int i = 0; i < scenarios.size(); i++) {
                    // Rotate the order so no scenario always runs right after the same one.
                    StartupScenario scenario = scenarios.get((round + i) % scenarios.size());
                    long nanos = timeStart(scenario, scenario.properties(url, admin.username(), admin.password()),
                            simulator);
                    if (round >= warmup) {
                        times.get(scenario)[round - warmup] = nanos;
                    }
                }
            }
        }
        report(times, rounds, warmup);
    }

    private static long timeStart(StartupScenario scenario, Map<String, Object> properties,
            CteraPortalSimulator simulator) {
        SpringApplication application = new SpringApplication(StartupApplication.class);
        application.setDefaultProperties(properties);
        application.setLogStartupInfo(false);
        simulator.requests().reset();
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = application.run()) {
            long elapsed = System.nanoTime() - start;
            checkOffline(scenario, context, simulator);
            return elapsed;
        }
    }

    // The figure is only meaningful if start-up did what it claims: the portals exist and nobody called the portal.
    private static void checkOffline(StartupScenario scenario, ConfigurableApplicationContext context,
            CteraPortalSimulator simulator) {
        if (scenario.portals() >= 0) {
            CteraPortals portals = context.getBean(CteraPortals.class);
            if (portals.names().size() != scenario.portals()) {
                throw new IllegalStateException(scenario.label() + ": expected " + scenario.portals()
                        + " portal beans, found " + portals.names());
            }
            for (CteraPortal portal : portals.asMap().values()) {
                if (portal.portalSession().isLoggedIn()) {
                    throw new IllegalStateException(scenario.label() + ": portal " + portal.name()
                            + " logged in during start-up");
                }
            }
        }
        else if (!context.getBeansOfType(CteraPortal.class).isEmpty()) {
            throw new IllegalStateException(scenario.label() + ": found portal beans with the starter excluded");
        }
        long requests = simulator.requests().total();
        if (requests != 0) {
            throw new IllegalStateException(scenario.label() + ": the portal received " + requests
                    + " requests during start-up; expected none");
        }
    }

    private static void report(Map<StartupScenario, long[]> times, int rounds, int warmup) {
        long baseline = 0;
        List<String> lines = new ArrayList<>();
        for (Map.Entry<StartupScenario, long[]> entry : times.entrySet()) {
            long[] sorted = entry.getValue().clone();
            Arrays.sort(sorted);
            long median = sorted[sorted.length / 2];
            if (entry.getKey().portals() < 0) {
                baseline = median;
            }
            lines.add(String.format(Locale.ROOT,
                    "%-20s median %7.1f ms  (p25 %7.1f, p75 %7.1f, min %7.1f)  added vs baseline %+7.1f ms",
                    entry.getKey().label(), millis(median), millis(sorted[sorted.length / 4]),
                    millis(sorted[(sorted.length * 3) / 4]), millis(sorted[0]), millis(median - baseline)));
        }
        logger.info("Context start, {} measured rounds after {} warm-up rounds; the simulator received 0 requests "
                + "in every start", rounds, warmup);
        lines.forEach(logger::info);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
