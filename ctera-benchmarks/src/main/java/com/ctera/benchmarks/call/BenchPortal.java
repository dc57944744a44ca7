package com.ctera.benchmarks.call;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;
import com.ctera.simulator.SimulatorOptions;

/**
 * The portal a runner measures against: a simulator started in this JVM, or, when the system property
 * {@value #URL_PROPERTY} is set, a simulator already running in another JVM ({@code SimulatorMain}), so that its CPU
 * can be kept apart from the client's (for example with {@code taskset}). The other JVM's administrator password is
 * {@value #PASSWORD_PROPERTY}, by default the simulator's default.
 * @param baseUrl the portal's base URL
 * @param admin the global administrator
 * @param simulator the simulator this JVM started and must stop, or null for one in another JVM
 */
public record BenchPortal(URI baseUrl, SimulatorCredentials admin, @Nullable CteraPortalSimulator simulator)
        implements AutoCloseable {

    /** System property: the base URL of a simulator in another JVM, such as {@code http://127.0.0.1:9090}. */
    public static final String URL_PROPERTY = "ctera.bench.url";

    /** System property: that simulator's administrator password. */
    public static final String PASSWORD_PROPERTY = "ctera.bench.admin-password";

    /** The global administrator's user name in every simulator. */
    private static final String ADMIN = "admin";

    /**
     * The portal the system properties name, or a new simulator in this JVM.
     * @throws IllegalArgumentException when {@value #URL_PROPERTY} is not an http(s) URL
     */
    public static BenchPortal fromSystemProperties() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            CteraPortalSimulator simulator = CteraPortalSimulator.start();
            return new BenchPortal(simulator.baseUrl(), simulator.adminCredentials(), simulator);
        }
        URI baseUrl = URI.create(url.trim());
        if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(URL_PROPERTY + " must be an http or https URL such as "
                    + "http://127.0.0.1:9090, was '" + url + "'");
        }
        String password = System.getProperty(PASSWORD_PROPERTY, SimulatorOptions.DEFAULT_ADMIN_PASSWORD);
        return new BenchPortal(baseUrl, new SimulatorCredentials(ADMIN, password), null);
    }

    /** Where the simulator runs, for the report. */
    public String where() {
        return (this.simulator != null) ? "simulator in this JVM" : "simulator in another JVM at " + this.baseUrl;
    }

    /** Stops the simulator if this JVM started it. */
    @Override
    public void close() {
        if (this.simulator != null) {
            this.simulator.close();
        }
    }

    @Override
    public String toString() {
        return "BenchPortal[" + this.baseUrl + ", " + this.admin.username() + ", " + where() + "]";
    }
}
