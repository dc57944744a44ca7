package com.ctera.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.PlainPortalSession;
import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.protocol.CallEnvelope;
import com.ctera.client.protocol.QueryParams;
import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.users.UserQuery;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * Lists a very large user base through the lazy {@code users().list()} stream: items per second, next to a plain
 * {@code WebClient} fetching the same pages as bytes (the simulator's and the wire's share). Then a pass that forces a
 * collection at every tenth of the way records the heap still in use, which stays flat when pages are fetched on
 * demand and dropped once read. The users are added to an in-process simulator through its public state API.
 *
 * <p>Arguments: {@code [users] [page size]}, default 100000 and the client's default page size.
 */
public final class UserListingRunner {

    private static final Logger logger = LoggerFactory.getLogger(UserListingRunner.class);

    private static final int CHECKPOINTS = 10;

    private static final int ROUNDS = 3;

    private static final long MAX_PAGES = 10_000_000;

    private static final String HAS_MORE = "<att id=\"hasMore\"><val>true</val>";

    private UserListingRunner() {
    }

    public static void main(String[] args) {
        int users = RunnerArguments.wholeNumber(args, 0, "users", CHECKPOINTS, 100_000);
        int pageSize = RunnerArguments.wholeNumber(args, 1, "page size", 1, UserQuery.DEFAULT_PAGE_SIZE);
        UserQuery query = UserQuery.builder().pageSize(pageSize).build();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start()) {
            String tenant = simulator.defaultTenant();
            for (int i = 0; i < users; i++) {
                String name = String.format(Locale.ROOT, "scale.user.%07d", i);
                simulator.state().addUser(tenant, name, "Passw0rd!", "EndUser", name + "@acme.example.com");
            }
            long expected = simulator.state().userCount(tenant);
            SimulatorCredentials admin = simulator.adminCredentials();
            try (CteraPortal portal = CteraPortal.builder()
                .name("scale")
                .baseUrl(simulator.baseUrl())
                .credentials(admin.username(), admin.password())
                .readTimeout(Duration.ofMinutes(2))
                .build()) {
                portal.session();
                // Warm-up: one page's worth of work so class loading and JIT of the first call do not count.
                portal.users().list(query).limit(pageSize).count();
                try (PlainPortalSession plain = new PlainPortalSession(simulator)) {
                    timeListings(portal, plain, query, expected);
                }

                memory.gc();
                long before = memory.getHeapMemoryUsage().getUsed();
                long step = Math.max(1, expected / CHECKPOINTS);
                AtomicLong seen = new AtomicLong();
                List<Long> retained = new ArrayList<>();
                portal.users().list(query).forEach(user -> {
                    if (seen.incrementAndGet() % step == 0) {
                        memory.gc();
                        retained.add(memory.getHeapMemoryUsage().getUsed() - before);
                    }
                });
                check(seen.get(), expected);
                logger.info("Heap in use after a collection, above the level before listing, at each tenth of the "
                        + "way (MB): {}", retained.stream()
                            .map(bytes -> String.format(Locale.ROOT, "%.1f", bytes / 1e6))
                            .toList());
            }
        }
    }

    // Client and baseline take turns, so load from elsewhere on the machine hits both alike.
    private static void timeListings(CteraPortal portal, PlainPortalSession plain, UserQuery query, long expected) {
        double[] client = new double[ROUNDS];
        double[] baseline = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            long pages = plainListing(plain, query);
            baseline[round] = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            long listed = portal.users().list(query).count();
            client[round] = (System.nanoTime() - start) / 1e9;
            check(listed, expected);
            if (pages != (expected + query.pageSize() - 1) / query.pageSize()) {
                throw new IllegalStateException("the plain listing took " + pages + " pages for " + expected
                        + " users at " + query.pageSize() + " per page");
            }
        }
        Arrays.sort(client);
        Arrays.sort(baseline);
        double clientMedian = client[ROUNDS / 2];
        double baselineMedian = baseline[ROUNDS / 2];
        logger.info(String.format(Locale.ROOT, "Listed %d users (page size %d): client %.2f s, %.0f users/s; plain "
                + "WebClient fetching the same pages as bytes %.2f s, %.0f users/s; client/plain time %.2f "
                + "(medians of %d rounds)", expected, query.pageSize(), clientMedian, expected / clientMedian,
                baselineMedian, expected / baselineMedian, clientMedian / baselineMedian, ROUNDS));
    }

    /** Fetches every page as bytes, as the client would ask for them; the number of pages. */
    private static long plainListing(PlainPortalSession plain, UserQuery query) {
        XmlCodec codec = new XmlCodec();
        URI users = plain.api("/users");
        long pages = 0;
        for (int start = 0; pages < MAX_PAGES; start += query.pageSize()) {
            XmlObject params = QueryParams.builder()
                .startFrom(start)
                .countLimit(query.pageSize())
                .include(query.fields())
                .build()
                .toXml();
            byte[] answer = plain.post(users, codec.encode(CallEnvelope.database("query", params)));
            pages++;
            if (!new String(answer, 0, Math.min(answer.length, 200), StandardCharsets.UTF_8).contains(HAS_MORE)) {
                return pages;
            }
        }
        throw new IllegalStateException("the plain listing passed " + MAX_PAGES + " pages");
    }

    private static void check(long listed, long expected) {
        if (listed != expected) {
            throw new IllegalStateException("listed " + listed + " users, the portal has " + expected);
        }
    }
}
