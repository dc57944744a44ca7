package com.ctera.benchmarks.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.CteraPortal;
import com.ctera.client.resilience.JdbcBucketStore;
import com.ctera.client.resilience.JdbcTokenBucketStrategy;
import com.ctera.simulator.CteraPortalSimulator;

/**
 * Two clients, each with its own connection pool and its own limiter, as two application instances would have,
 * sharing one token bucket of {@code rate} per second in PostgreSQL. Reports the combined rate against the configured
 * one (target at most 5% above) and each client's share. PostgreSQL comes from {@code CTERA_TEST_POSTGRES_URL}
 * ({@code eval "$(.ci/postgres start)"}).
 *
 * <p>Arguments: {@code [rate] [callers per client] [seconds] [warm-up seconds]}, default 50, 8, 20 and 3.
 */
public final class SharedBucketRunner {

    private static final Logger logger = LoggerFactory.getLogger(SharedBucketRunner.class);

    private SharedBucketRunner() {
    }

    public static void main(String[] args) {
        int rate = RunnerArguments.wholeNumber(args, 0, "rate", 1, 50);
        int callers = RunnerArguments.wholeNumber(args, 1, "callers per client", 1, 8);
        int seconds = RunnerArguments.wholeNumber(args, 2, "seconds", 1, 20);
        int warmup = RunnerArguments.wholeNumber(args, 3, "warm-up seconds", 0, 3);
        String url = System.getenv("CTERA_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("set CTERA_TEST_POSTGRES_URL, e.g. with eval \"$(.ci/postgres start)\"");
        }
        String bucket = "benchmark-" + UUID.randomUUID();
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start();
                HikariDataSource poolA = pool(url, "a");
                HikariDataSource poolB = pool(url, "b");
                CteraPortal a = RateLimitedPortals.portal(simulator, "instance-a", strategy(bucket, rate, poolA),
                        Duration.ofSeconds(30));
                CteraPortal b = RateLimitedPortals.portal(simulator, "instance-b", strategy(bucket, rate, poolB),
                        Duration.ofSeconds(30))) {
            List<Supplier<Mono<?>>> calls = new ArrayList<>();
            long[] perClient = new long[2];
            for (int i = 0; i < callers; i++) {
                String user = "nobody-" + i;
                calls.add(() -> RateLimitedPortals.lookUp(a, user).doOnSuccess(v -> count(perClient, 0)));
                calls.add(() -> RateLimitedPortals.lookUp(b, user).doOnSuccess(v -> count(perClient, 1)));
            }
            LoadResult result = LoadGenerator.run(calls, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
            if (result.failed() + result.refused() + result.throttled() > 0) {
                throw new IllegalStateException("calls failed during the run: " + result);
            }
            double combined = result.successRate();
            logger.info(String.format(Locale.ROOT, "Shared bucket %d/s in PostgreSQL, 2 clients x %d callers, %d s "
                    + "measured after %d s warm-up: %.2f calls/s combined, %+.2f%% against the bucket (target at most "
                    + "+5%%); calls over the whole run: client A %d, client B %d", rate, callers, seconds, warmup,
                    combined, (combined / rate - 1) * 100, perClient[0], perClient[1]));
        }
    }

    private static synchronized void count(long[] perClient, int client) {
        perClient[client]++;
    }

    private static JdbcTokenBucketStrategy strategy(String bucket, int rate, HikariDataSource pool) {
        return new JdbcTokenBucketStrategy(bucket, rate, rate, new JdbcBucketStore(pool,
                JdbcBucketStore.DEFAULT_TABLE, Duration.ofSeconds(2), Duration.ofSeconds(5), true));
    }

    private static HikariDataSource pool(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("instance-" + name);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }
}
