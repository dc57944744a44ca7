package com.ctera.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.client.CteraPortal;
import com.ctera.client.users.UserQuery;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * Lists a very large user base through the lazy {@code users().list()} stream: items per second over a timed pass,
 * then a second pass that forces a collection at every tenth of the way and records the heap still in use, which
 * stays flat when pages are fetched on demand and dropped once read. The users are added to an in-process simulator
 * through its public state API.
 *
 * <p>Arguments: {@code [users] [page size]}, default 100000 and the client's default page size.
 */
public final class UserListingRunner {

    private static final Logger logger = LoggerFactory.getLogger(UserListingRunner.class);

    private static final int CHECKPOINTS = 10;

    private UserListingRunner() {
    }

    public static void main(String[] args) {
        int users = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = (args.length > 1) ? Integer.parseInt(args[1]) : UserQuery.DEFAULT_PAGE_SIZE;
        if (users < CHECKPOINTS) {
            throw new IllegalArgumentException("users must be at least " + CHECKPOINTS + ", was " + users);
        }
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

                long start = System.nanoTime();
                long listed = portal.users().list(query).count();
                double seconds = (System.nanoTime() - start) / 1e9;
                check(listed, expected);
                logger.info(String.format(Locale.ROOT,
                        "Listed %d users (page size %d) in %.2f s: %.0f users/s", listed, pageSize, seconds,
                        listed / seconds));

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

    private static void check(long listed, long expected) {
        if (listed != expected) {
            throw new IllegalStateException("listed " + listed + " users, the portal has " + expected);
        }
    }
}
