package com.ctera.benchmarks.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.ctera.benchmarks.transfer.ChildSimulator;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.resilience.RetryInterceptor;
import com.ctera.client.resilience.RetryPolicy;
import com.ctera.simulator.CteraPortalSimulator;

/**
 * A simulator that holds every answer for a fixed latency (its delay fault, on a timer: no thread waits), and the two
 * clients the bulk benchmarks use: the administrator for users and the end user for files, each with the default
 * retry stage so every call runs through a pipeline as in an application.
 *
 * <p>Where the simulator runs comes from the runner's options: {@code --simulator in-process} (the default) starts it
 * in this JVM; {@code --simulator own-jvm} starts it as a child {@code java} process from this class path, so the
 * client's CPU and heap are its own; {@code --portal-url URL} uses one already running (with the simulator's default
 * credentials). The latency is set through the simulator's {@code /__simulator/faults} endpoint in the last two.
 */
final class SlowPortal implements AutoCloseable {

    private static final String ADMIN_USER = "admin";

    private static final String ADMIN_PASSWORD = "Simulat0r!";

    private static final String END_USER = "alice";

    private static final String END_USER_PASSWORD = "EndUs3r!";

    private static final String TENANT = "acme";

    private final Runnable stopSimulator;

    private final String placement;

    private final CteraPortal admin;

    private final CteraPortal endUser;

    private SlowPortal(Runnable stopSimulator, String placement, URI baseUrl) {
        this.stopSimulator = stopSimulator;
        this.placement = placement;
        this.admin = CteraPortal.builder().name("bench-admin").baseUrl(baseUrl)
            .context(PortalContext.ADMIN).tenant(TENANT).credentials(ADMIN_USER, ADMIN_PASSWORD)
            .readTimeout(Duration.ofSeconds(60)).interceptor(new RetryInterceptor(RetryPolicy.DEFAULT)).build();
        this.endUser = CteraPortal.builder().name("bench-user").baseUrl(baseUrl)
            .context(PortalContext.SERVICES_PORTAL).credentials(END_USER, END_USER_PASSWORD)
            .readTimeout(Duration.ofSeconds(60)).taskPollInterval(Duration.ofMillis(50))
            .interceptor(new RetryInterceptor(RetryPolicy.DEFAULT)).build();
        this.admin.session();
        this.endUser.session();
    }

    /**
     * Starts or reaches the simulator named by the options and gives it the latency.
     * @param options the runner's arguments that start with {@code --} (see {@link #positional(String[])})
     */
    static SlowPortal open(String[] args, Duration latency) {
        String simulator = option(args, "--simulator", "in-process");
        String url = option(args, "--portal-url", null);
        try {
            if (url != null) {
                URI baseUrl = URI.create(url);
                setLatency(baseUrl, latency);
                return new SlowPortal(() -> { }, "the simulator at " + baseUrl, baseUrl);
            }
            switch (simulator) {
                case "in-process" -> {
                    CteraPortalSimulator inProcess = CteraPortalSimulator.start();
                    setLatency(inProcess.baseUrl(), latency);
                    return new SlowPortal(inProcess::close, "a simulator in this JVM", inProcess.baseUrl());
                }
                case "own-jvm" -> {
                    ChildSimulator child = ChildSimulator.start(Files.createTempDirectory("bulk-bench-portal"), "2g");
                    setLatency(child.baseUrl(), latency);
                    return new SlowPortal(child::close, "a simulator in its own JVM", child.baseUrl());
                }
                default -> throw new IllegalArgumentException("--simulator must be in-process or own-jvm, was '"
                        + simulator + "'");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot start the simulator", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the simulator started", ex);
        }
    }

    /** The arguments that are not options (options are {@code --name value} pairs). */
    static String[] positional(String[] args) {
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                i++;
            }
            else {
                positional.add(args[i]);
            }
        }
        return positional.toArray(String[]::new);
    }

    private static @Nullable String option(String[] args, String name, @Nullable String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && !List.of("--simulator", "--portal-url").contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; allowed: --simulator in-process|own-jvm, --portal-url URL");
            }
            if (args[i].equals(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                return args[i + 1];
            }
        }
        return fallback;
    }

    // Every path, every time: a delay rule of the simulator's fault injector, set over its control endpoint after the
    // rules of an earlier run are cleared.
    private static void setLatency(URI baseUrl, Duration latency) throws IOException, InterruptedException {
        URI faults = baseUrl.resolve("/__simulator/faults");
        HttpClient http = HttpClient.newHttpClient();
        send(http, HttpRequest.newBuilder(faults).DELETE().build(), baseUrl);
        if (!latency.isZero()) {
            String rule = String.format(Locale.ROOT,
                    "{\"path\":\"/\",\"action\":\"delay\",\"delayMillis\":%d,\"times\":%d}",
                    latency.toMillis(), Integer.MAX_VALUE);
            send(http, HttpRequest.newBuilder(faults).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule)).build(), baseUrl);
        }
    }

    private static void send(HttpClient http, HttpRequest request, URI baseUrl)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the simulator at " + baseUrl + " refused " + request.method() + " "
                    + request.uri().getPath() + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Where the simulator runs, for the runner's report. */
    String placement() {
        return this.placement;
    }

    CteraPortal admin() {
        return this.admin;
    }

    CteraPortal endUser() {
        return this.endUser;
    }

    @Override
    public void close() {
        this.admin.close();
        this.endUser.close();
        this.stopSimulator.run();
    }
}
