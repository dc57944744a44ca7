package com.ctera.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a simulator starts.
 *
 * @param port the TCP port, {@code 0} for a free one
 * @param bindAddress the address to listen on
 * @param tls whether to serve HTTPS with a self-signed certificate generated at start
 * @param adminPassword the password of the global administrator {@code admin}
 * @param seed whether to load the demo data (tenants, users, devices)
 * @param portalVersion what {@code GET /{ctx}/api/version} answers
 * @param dataDirectory where file bodies are stored; {@code null} for a temporary directory deleted on close (a
 * given directory is kept)
 * @param taskDuration how long a background file task takes from start to its end state
 */
public record SimulatorOptions(int port, String bindAddress, boolean tls, String adminPassword, boolean seed,
        String portalVersion, @Nullable Path dataDirectory, Duration taskDuration) {

    /** The global administrator's password when none is given. */
    public static final String DEFAULT_ADMIN_PASSWORD = "Simulat0r!";

    /** The portal version reported when none is given (the SDK's test fixture value). */
    public static final String DEFAULT_PORTAL_VERSION = "7.5.182.16";

    /** How long a background file task takes when nothing else is said. */
    public static final Duration DEFAULT_TASK_DURATION = Duration.ofMillis(200);

    public SimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(portalVersion, "portalVersion");
        if (adminPassword.isEmpty()) {
            throw new IllegalArgumentException("adminPassword must not be empty");
        }
        Objects.requireNonNull(taskDuration, "taskDuration");
        if (taskDuration.isNegative() || taskDuration.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(
                    "taskDuration must be between 0 and 10 minutes, was " + taskDuration);
        }
    }

    /** Options with a temporary data directory and the default task duration. */
    public SimulatorOptions(int port, String bindAddress, boolean tls, String adminPassword, boolean seed,
            String portalVersion) {
        this(port, bindAddress, tls, adminPassword, seed, portalVersion, null, DEFAULT_TASK_DURATION);
    }

    /** A free port on 127.0.0.1, plain HTTP, the default admin password, demo data. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, "127.0.0.1", false, DEFAULT_ADMIN_PASSWORD, true, DEFAULT_PORTAL_VERSION);
    }

    public SimulatorOptions withPort(int port) {
        return new SimulatorOptions(port, this.bindAddress, this.tls, this.adminPassword, this.seed, this.portalVersion,
                this.dataDirectory, this.taskDuration);
    }

    public SimulatorOptions withBindAddress(String bindAddress) {
        return new SimulatorOptions(this.port, bindAddress, this.tls, this.adminPassword, this.seed, this.portalVersion,
                this.dataDirectory, this.taskDuration);
    }

    public SimulatorOptions withTls(boolean tls) {
        return new SimulatorOptions(this.port, this.bindAddress, tls, this.adminPassword, this.seed, this.portalVersion,
                this.dataDirectory, this.taskDuration);
    }

    public SimulatorOptions withAdminPassword(String adminPassword) {
        return new SimulatorOptions(this.port, this.bindAddress, this.tls, adminPassword, this.seed, this.portalVersion,
                this.dataDirectory, this.taskDuration);
    }

    public SimulatorOptions withSeed(boolean seed) {
        return new SimulatorOptions(this.port, this.bindAddress, this.tls, this.adminPassword, seed, this.portalVersion,
                this.dataDirectory, this.taskDuration);
    }

    public SimulatorOptions withPortalVersion(String portalVersion) {
        return new SimulatorOptions(this.port, this.bindAddress, this.tls, this.adminPassword, this.seed, portalVersion,
                this.dataDirectory, this.taskDuration);
    }

    /** Stores file bodies in this directory (kept on close) instead of a temporary one. */
    public SimulatorOptions withDataDirectory(@Nullable Path directory) {
        return new SimulatorOptions(this.port, this.bindAddress, this.tls, this.adminPassword, this.seed,
                this.portalVersion, directory, this.taskDuration);
    }

    /** How long each background file task takes (zero: it ends at the first timer tick). */
    public SimulatorOptions withTaskDuration(Duration duration) {
        return new SimulatorOptions(this.port, this.bindAddress, this.tls, this.adminPassword, this.seed,
                this.portalVersion, this.dataDirectory, duration);
    }

    @Override
    public String toString() {
        return "SimulatorOptions[port=" + this.port + ", bindAddress=" + this.bindAddress + ", tls=" + this.tls
                + ", adminPassword=******, seed=" + this.seed + ", portalVersion=" + this.portalVersion
                + ", dataDirectory=" + this.dataDirectory + ", taskDuration=" + this.taskDuration + "]";
    }
}
