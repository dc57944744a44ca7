package com.ctera.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator on its own until killed:
 * {@code java -jar ctera-portal-simulator-exec.jar [--port N] [--bind ADDR] [--tls [--cert-out FILE]] [--admin-password X] [--no-seed] [--data-dir DIR] [--task-duration-ms N]}.
 * Without {@code --admin-password} the global administrator's password is
 * {@value SimulatorOptions#DEFAULT_ADMIN_PASSWORD}.
 */
public final class SimulatorMain {

    static final int DEFAULT_PORT = 9090;

    private static final String USAGE = "Usage: [--port N] [--bind ADDR] [--tls [--cert-out FILE]] [--admin-password X] [--no-seed] [--data-dir DIR] [--task-duration-ms N]";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        // Our logback settings, unless the user brought their own; set before the first logger is made.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "ctera-simulator-logback.xml");
        }
        Logger logger = LoggerFactory.getLogger(SimulatorMain.class);
        SimulatorOptions options;
        try {
            options = parse(args);
            certOut(args);
        }
        catch (IllegalArgumentException ex) {
            logger.error("{}. {}", ex.getMessage(), USAGE);
            System.exit(2);
            return;
        }
        CteraPortalSimulator simulator = CteraPortalSimulator.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
        Path certOut = certOut(args);
        if (certOut != null) {
            try {
                Files.writeString(certOut, simulator.certificatePem().orElseThrow());
            }
            catch (IOException ex) {
                logger.error("Cannot write the TLS certificate to {}: {}", certOut, ex.getMessage());
                simulator.close();
                System.exit(1);
                return;
            }
            logger.info("TLS certificate written as PEM to {}: trust it with spring.ssl.bundle.pem.<name>.truststore"
                    + ".certificate=file:{} and ctera.portals.<portal>.ssl.bundle=<name>", certOut.toAbsolutePath(),
                    certOut.toAbsolutePath());
        }
        logger.info("CTERA portal simulator listening on {} (global admin user '{}', tenant '{}')",
                simulator.baseUrl(), simulator.adminCredentials().username(), simulator.defaultTenant());
        simulator.awaitClose();
    }

    /** Reads the command line into options (defaults: port 9090 on 127.0.0.1, plain HTTP, demo data). */
    static SimulatorOptions parse(String... args) {
        SimulatorOptions options = SimulatorOptions.defaults().withPort(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> options = options.withPort(parsePort(value(args, ++i, arg)));
                case "--bind" -> options = options.withBindAddress(value(args, ++i, arg));
                case "--tls" -> options = options.withTls(true);
                case "--cert-out" -> value(args, ++i, arg);
                case "--admin-password" -> options = options.withAdminPassword(value(args, ++i, arg));
                case "--no-seed" -> options = options.withSeed(false);
                case "--data-dir" -> options = options.withDataDirectory(Path.of(value(args, ++i, arg)));
                case "--task-duration-ms" -> options = options.withTaskDuration(
                        java.time.Duration.ofMillis(parseMillis(value(args, ++i, arg))));
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'");
            }
        }
        return options;
    }

    /** Where {@code --cert-out} asks for the certificate; only with {@code --tls}. */
    static @Nullable Path certOut(String... args) {
        Path path = null;
        boolean tls = false;
        for (int i = 0; i < args.length; i++) {
            tls |= args[i].equals("--tls");
            if (args[i].equals("--cert-out")) {
                path = Path.of(value(args, ++i, "--cert-out"));
            }
        }
        if (path != null && !tls) {
            throw new IllegalArgumentException("--cert-out needs --tls: without TLS there is no certificate");
        }
        return path;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long parseMillis(String text) {
        try {
            return Long.parseLong(text);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--task-duration-ms needs a number of milliseconds, got '" + text + "'");
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535");
            }
            return port;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--port needs a number, got '" + text + "'");
        }
    }
}
