package com.ctera.benchmarks.startup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import reactor.netty.http.HttpResources;

import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.users.UserQuery;

/**
 * The one-shot job that {@link FirstCallRunner} starts in a fresh JVM per sample: build a portal, make the first
 * call (login, bootstrap, query), make a second, close. It prints one line of timings that the runner parses; it
 * logs nothing else so the figures are not printing costs.
 *
 * <p>Arguments: {@code url username mode}, the password in {@code CTERA_PROBE_PASSWORD}; mode is {@code list} (an
 * administrator lists 10 users, twice) or {@code files} (a services-portal user uploads a small file, then downloads
 * it).
 */
public final class FirstCallProbe {

    /** The prefix of the line the runner reads. */
    static final String RESULT_PREFIX = "first-call-probe ";

    /** The environment variable that carries the password. */
    static final String PASSWORD_VARIABLE = "CTERA_PROBE_PASSWORD";

    private FirstCallProbe() {
    }

    public static void main(String[] args) {
        String password = System.getenv(PASSWORD_VARIABLE);
        if (args.length != 3 || password == null) {
            throw new IllegalArgumentException("expected: url username list|files, and the password in "
                    + PASSWORD_VARIABLE);
        }
        boolean files = switch (args[2]) {
            case "list" -> false;
            case "files" -> true;
            default -> throw new IllegalArgumentException("mode must be 'list' or 'files', was '" + args[2] + "'");
        };
        long start = System.nanoTime();
        long first;
        long second;
        long built;
        try (CteraPortal portal = CteraPortal.builder()
            .name("first-call")
            .baseUrl(URI.create(args[0]))
            .context(files ? PortalContext.SERVICES_PORTAL : PortalContext.ADMIN)
            .credentials(args[1], password)
            .build()) {
            built = System.nanoTime();
            if (files) {
                byte[] content = "first upload of a fresh JVM\n".getBytes(StandardCharsets.UTF_8);
                String name = "probe-" + ProcessHandle.current().pid() + ".txt";
                portal.files().upload(new ByteArrayInputStream(content), "My Files", name);
                first = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                portal.files().download("My Files/" + name, out);
                second = System.nanoTime();
                if (out.size() != content.length) {
                    throw new IllegalStateException("downloaded " + out.size() + " bytes, uploaded " + content.length);
                }
            }
            else {
                UserQuery query = UserQuery.builder().pageSize(10).build();
                long listed = portal.users().list(query).limit(10).count();
                first = System.nanoTime();
                long again = portal.users().list(query).limit(10).count();
                second = System.nanoTime();
                if (listed != 10 || again != 10) {
                    throw new IllegalStateException("listed " + listed + " and " + again + " users, expected 10");
                }
            }
        }
        long closed = System.nanoTime();
        // CPU time is less sensitive to the machine's load than wall time: the figure to compare builds by.
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
        System.out.println(RESULT_PREFIX + String.format(Locale.ROOT, "build=%d first=%d second=%d close=%d cpu=%d",
                built - start, first - built, second - first, closed - second, cpu));
        // The short-job recipe of docs/startup.md: with Reactor Netty's loops stopped and System.exit, the JVM does
        // not wait 300 ms for their threads in native code.
        if (Boolean.getBoolean("ctera.probe.stop-loops")) {
            HttpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, Duration.ofSeconds(2)).block();
            System.exit(0);
        }
    }
}
