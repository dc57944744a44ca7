package com.ctera.client.resilience;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Token bucket kept in PostgreSQL (Bucket4j, {@code SELECT ... FOR UPDATE} on the bucket's row), so every application
 * instance that names the same limiter draws from one budget. The store is asked on a bounded-elastic thread, never
 * on a reactive one. When the store fails the call goes ahead (fail open): one WARN per outage, a failure count for
 * metrics, and calls go unlimited for {@link JdbcBucketStore#retryInterval()} before the store is tried again.
 */
public final class JdbcTokenBucketStrategy implements RateLimitStrategy {

    private static final Logger logger = LoggerFactory.getLogger(JdbcTokenBucketStrategy.class);

    /** SQL states of a CREATE TABLE that lost a race with another: unique violation, duplicate table. */
    private static final Set<String> CONCURRENT_CREATE = Set.of("23505", "42P07");

    private final String name;

    private final JdbcBucketStore store;

    private final double rate;

    private final BucketProxy bucket;

    private final Scheduler storeScheduler;

    private final LongSupplier nanoTime;

    private final LongAdder storeFailures = new LongAdder();

    private final AtomicBoolean failing = new AtomicBoolean();

    private final AtomicLong unlimitedUntil = new AtomicLong();

    private volatile boolean tableReady;

    /**
     * @param name the bucket's key in the table; instances that use the same name share the budget
     * @param rate permits per second
     * @param burst permits available at once
     */
    public JdbcTokenBucketStrategy(String name, double rate, long burst, JdbcBucketStore store) {
        this(name, rate, burst, store, Schedulers.boundedElastic(), System::nanoTime);
    }

    JdbcTokenBucketStrategy(String name, double rate, long burst, JdbcBucketStore store, Scheduler storeScheduler,
            LongSupplier nanoTime) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("token bucket rate must be positive, was " + rate);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("token bucket burst must be at least 1, was " + burst);
        }
        this.name = name;
        this.store = store;
        this.rate = rate;
        this.storeScheduler = storeScheduler;
        this.nanoTime = nanoTime;
        this.tableReady = !store.createTable();
        ProxyManager<String> proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(store.dataSource())
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table(store.table())
            .requestTimeout(store.requestTimeout())
            .build();
        BucketConfiguration configuration = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(burst).refillGreedy(wholeTokens(rate), refillPeriod(rate)))
            .build();
        this.bucket = proxies.builder().build(name, () -> configuration);
    }

    /** Asks the store on a bounded-elastic thread, so a reactive caller's thread never waits for the database. */
    @Override
    public Mono<Long> reserveReactive(long maxWaitNanos) {
        return Mono.defer(() -> skippingStore() ? Mono.just(0L)
                : Mono.fromSupplier(() -> reserve(maxWaitNanos)).subscribeOn(this.storeScheduler));
    }

    @Override
    public boolean answersAtOnce() {
        return false;
    }

    /** Blocks on the store; reactive callers use {@link #reserveReactive(long)}. */
    @Override
    public long reserve(long maxWaitNanos) {
        if (skippingStore()) {
            return 0;
        }
        try {
            ensureTable();
            long wait = BucketReservation.reserve(this.bucket, maxWaitNanos);
            storeAnswered();
            return wait;
        }
        catch (RuntimeException | SQLException ex) {
            storeFailed(ex);
            return 0;
        }
    }

    private void ensureTable() throws SQLException {
        if (this.tableReady) {
            return;
        }
        synchronized (this.store) {
            if (this.tableReady) {
                return;
            }
            try (Connection connection = this.store.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) Math.max(1, this.store.requestTimeout().toSeconds()));
                statement.execute(this.store.createTableSql());
            }
            catch (SQLException ex) {
                // Another instance created the table at the same moment: IF NOT EXISTS does not guard that race.
                if (!CONCURRENT_CREATE.contains(ex.getSQLState())) {
                    throw ex;
                }
            }
            this.tableReady = true;
        }
    }

    private boolean skippingStore() {
        return this.failing.get() && this.nanoTime.getAsLong() - this.unlimitedUntil.get() < 0;
    }

    private void storeFailed(Exception ex) {
        this.storeFailures.increment();
        this.unlimitedUntil.set(this.nanoTime.getAsLong() + this.store.retryInterval().toNanos());
        if (this.failing.compareAndSet(false, true)) {
            // Once per outage: the message names the limiter and the kind of failure, never connection details.
            logger.warn("Shared rate limit '{}' cannot reach its store (table {}): calls go ahead unlimited until it "
                    + "answers again, retried every {} ({})", this.name, this.store.table(),
                    this.store.retryInterval(), describe(ex));
        }
    }

    private static String describe(Exception ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return ex.getClass().getSimpleName() + ", SQL state " + sql.getSQLState();
            }
        }
        return ex.getClass().getSimpleName();
    }

    private void storeAnswered() {
        if (this.failing.compareAndSet(true, false)) {
            logger.info("Shared rate limit '{}' reaches its store again: calls are limited again", this.name);
        }
    }

    /** Store requests that failed; each let its call through unlimited. */
    public long storeFailures() {
        return this.storeFailures.sum();
    }

    /** Whether the store is failing now and calls go unlimited. */
    public boolean storeFailing() {
        return this.failing.get();
    }

    /** The store of this bucket. */
    public JdbcBucketStore store() {
        return this.store;
    }

    /** Reads the store (a blocking query); 0 while the store fails. */
    @Override
    public long availablePermits() {
        if (skippingStore()) {
            return 0;
        }
        try {
            ensureTable();
            return this.bucket.getAvailableTokens();
        }
        catch (RuntimeException | SQLException ex) {
            return 0;
        }
    }

    @Override
    public double currentRate() {
        return this.rate;
    }

    @Override
    public String kind() {
        return "token-bucket";
    }

    static long wholeTokens(double rate) {
        return (rate == Math.rint(rate)) ? (long) rate : 1;
    }

    static Duration refillPeriod(double rate) {
        return (rate == Math.rint(rate)) ? Duration.ofSeconds(1) : Duration.ofNanos((long) (1_000_000_000L / rate));
    }
}
