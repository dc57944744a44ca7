package com.ctera.benchmarks.wire;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.users.UserQuery;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * What compressed answers save on a listing of 2,000 users: bytes on the wire and time, with the simulator
 * compressing (the client asks, as the SDK does) against the same simulator answering plain, turn by turn. The
 * client reaches the simulator through a {@link CountingRelay}, which counts what the wire carries and can hold the
 * answers to a WAN's speed.
 *
 * <p>Arguments: {@code [users] [rounds] [link Mbit/s, 0 = unlimited] [page size]}, default 2000, 9, 0 and the
 * client's default page size.
 */
public final class CompressedListingRunner {

    private static final Logger logger = LoggerFactory.getLogger(CompressedListingRunner.class);

    private CompressedListingRunner() {
    }

    public static void main(String[] args) throws Exception {
        int users = RunnerArguments.wholeNumber(args, 0, "users", 1, 2000);
        int rounds = RunnerArguments.wholeNumber(args, 1, "rounds", 1, 9);
        int megabits = RunnerArguments.wholeNumber(args, 2, "link Mbit/s", 0, 0);
        int pageSize = RunnerArguments.wholeNumber(args, 3, "page size", 1, UserQuery.DEFAULT_PAGE_SIZE);
        UserQuery query = UserQuery.builder().pageSize(pageSize).build();
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start()) {
            String tenant = simulator.defaultTenant();
            for (int i = 0; i < users; i++) {
                String name = String.format(Locale.ROOT, "wire.user.%05d", i);
                simulator.state().addUser(tenant, name, "Passw0rd!", "EndUser", name + "@acme.example.com");
            }
            long expected = simulator.state().userCount(tenant);
            InetSocketAddress target = new InetSocketAddress(simulator.baseUrl().getHost(),
                    simulator.baseUrl().getPort());
            try (CountingRelay relay = new CountingRelay(target, megabits * 1_000_000L / 8);
                    CteraPortal portal = portalThrough(relay, simulator.adminCredentials())) {
                portal.session();
                // Warm-up: both ways, so class loading and the JIT of the first listings do not count.
                for (int i = 0; i < 3; i++) {
                    listing(portal, simulator, relay, query, expected, true);
                    listing(portal, simulator, relay, query, expected, false);
                }
                Listing[] compressed = new Listing[rounds];
                Listing[] plain = new Listing[rounds];
                double[] ratios = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    // Alternate which side goes first, so a trend in the machine's load favours neither.
                    if (round % 2 == 0) {
                        compressed[round] = listing(portal, simulator, relay, query, expected, true);
                        plain[round] = listing(portal, simulator, relay, query, expected, false);
                    }
                    else {
                        plain[round] = listing(portal, simulator, relay, query, expected, false);
                        compressed[round] = listing(portal, simulator, relay, query, expected, true);
                    }
                    ratios[round] = compressed[round].seconds() / plain[round].seconds();
                }
                report(expected, pageSize, megabits, compressed, plain, ratios);
            }
        }
    }

    private static CteraPortal portalThrough(CountingRelay relay, SimulatorCredentials admin) {
        return CteraPortal.builder()
            .name("wire")
            .baseUrl("http://127.0.0.1:" + relay.port())
            .credentials(admin.username(), admin.password())
            .tenant("acme")
            .readTimeout(Duration.ofMinutes(2))
            .build();
    }

    private static Listing listing(CteraPortal portal, CteraPortalSimulator simulator, CountingRelay relay,
            UserQuery query, long expected, boolean compress) {
        simulator.compressAnswers(compress);
        long upBefore = relay.bytesUp();
        long downBefore = relay.bytesDown();
        long start = System.nanoTime();
        long listed = portal.users().list(query).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (listed != expected) {
            throw new IllegalStateException("listed " + listed + " users, the portal has " + expected);
        }
        return new Listing(seconds, relay.bytesDown() - downBefore, relay.bytesUp() - upBefore);
    }

    private static void report(long users, int pageSize, int megabits, Listing[] compressed, Listing[] plain,
            double[] ratios) {
        Arrays.sort(ratios);
        double compressedTime = median(Arrays.stream(compressed).mapToDouble(Listing::seconds).toArray());
        double plainTime = median(Arrays.stream(plain).mapToDouble(Listing::seconds).toArray());
        long compressedDown = compressed[0].bytesDown();
        long plainDown = plain[0].bytesDown();
        logger.info(String.format(Locale.ROOT, "Listed %d users, page size %d, link %s: bytes down compressed %,d, "
                + "plain %,d (%.1fx fewer); bytes up %,d and %,d; time compressed %.3f s, plain %.3f s (medians of "
                + "%d rounds); compressed/plain time, median of the per-round ratios: %.2f (range %.2f-%.2f)",
                users, pageSize, (megabits == 0) ? "unlimited" : megabits + " Mbit/s", compressedDown, plainDown,
                (double) plainDown / compressedDown, compressed[0].bytesUp(), plain[0].bytesUp(), compressedTime,
                plainTime, ratios.length, ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One listing: its time and the bytes each way on the wire. */
    private record Listing(double seconds, long bytesDown, long bytesUp) {
    }
}
