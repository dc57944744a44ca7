package com.ctera.test;

import org.jspecify.annotations.Nullable;

import com.ctera.simulator.CteraPortalSimulator;

/**
 * The one simulator every {@link CteraPortalTest} class of a test run shares, started on first use (a simulator
 * takes a second or more to start under load) and closed when the JVM ends, as Testcontainers' singleton containers
 * are.
 */
final class SharedSimulator {

    private static final Object lock = new Object();

    private static @Nullable CteraPortalSimulator simulator;

    private SharedSimulator() {
    }

    static CteraPortalSimulator get() {
        synchronized (lock) {
            CteraPortalSimulator started = simulator;
            if (started == null) {
                started = CteraPortalSimulator.start();
                simulator = started;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ctera-simulator-shutdown"));
            }
            return started;
        }
    }
}
