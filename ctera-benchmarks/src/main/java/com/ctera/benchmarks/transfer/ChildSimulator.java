package com.ctera.benchmarks.transfer;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulator ({@code SimulatorMain}) started in a JVM of its own, from this JVM's class path, so that neither its
 * CPU nor its memory counts as the client's. Its file bodies go to the data directory given.
 */
public final class ChildSimulator implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;

    private final URI baseUrl;

    private ChildSimulator(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts the simulator and waits until it answers.
     * @throws IllegalStateException when it does not answer within a minute
     */
    public static ChildSimulator start(Path dataDirectory, String heap) throws IOException, InterruptedException {
        return start(dataDirectory, heap, List.of());
    }

    /**
     * Starts the simulator behind a command prefix (such as {@code taskset -c 0}) and waits until it answers.
     * @throws IllegalStateException when it does not answer within a minute
     */
    public static ChildSimulator start(Path dataDirectory, String heap, List<String> prefix)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.ctera.simulator.SimulatorMain");
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--data-dir");
        command.add(dataDirectory.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        // A runner stopped with a signal skips its finally blocks; the simulator must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-child-simulator"));
        URI baseUrl = URI.create("http://127.0.0.1:" + port);
        ChildSimulator child = new ChildSimulator(process, baseUrl);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (answers(baseUrl)) {
                return child;
            }
            // Polls at most 600 times in the minute; waits on the child, not on a sleep.
            process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        child.close();
        throw new IllegalStateException("the simulator in its own JVM did not answer on " + baseUrl + " within "
                + START_TIMEOUT.toSeconds() + " s");
    }

    private static boolean answers(URI baseUrl) {
        try {
            HttpURLConnection connection = (HttpURLConnection) baseUrl.resolve("/ServicesPortal/api/currentSession")
                .toURL()
                .openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(500);
            connection.setReadTimeout(500);
            connection.getResponseCode();
            connection.disconnect();
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** The simulator's base URL. */
    public URI baseUrl() {
        return this.baseUrl;
    }

    /** The simulator JVM's process id, so its own memory can be read. */
    long pid() {
        return this.process.pid();
    }

    @Override
    public void close() {
        this.process.destroy();
        try {
            if (!this.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            this.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
