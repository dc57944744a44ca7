package com.ctera.client.resilience;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.CteraPortal;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.PortalContext;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Shared token buckets in a real PostgreSQL: one budget for several clients, fail-open when the store goes away. */
class JdbcTokenBucketStrategyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static CteraPortalSimulator simulator;

    private static DataSource postgres;

    @BeforeAll
    static void start() {
        postgres = TestPostgres.dataSource();
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static CteraPortal portal(String name, RateLimitStrategy strategy, Duration maxWait) {
        SimulatorCredentials admin = simulator.adminCredentials();
        return CteraPortal.builder().name(name).baseUrl(simulator.baseUrl()).context(PortalContext.ADMIN)
            .tenant(simulator.defaultTenant()).credentials(admin.username(), admin.password())
            .interceptor(RateLimitInterceptor.of(new CallRateLimiter(name, strategy, maxWait)))
            .build();
    }

    private static JdbcBucketStore store(DataSource dataSource, Duration retryInterval) {
        return new JdbcBucketStore(dataSource, "ctera_test_bucket", Duration.ofSeconds(2), retryInterval, true);
    }

    /** Calls that got through among {@code calls} attempts, spread over both portals, refused calls not counted. */
    private static int succeeded(int calls, CteraPortal... portals) {
        return Flux.range(0, calls)
            .flatMap(i -> portals[i % portals.length].reactive().users().find("nobody-" + i)
                .thenReturn(1)
                .onErrorResume(CteraThrottledException.class, ex -> Mono.just(0)), 8)
            .reduce(0, Integer::sum)
            .block(WAIT);
    }

    @Test
    void twoClientsOnOneBucketGetNoMoreThanItsPermitsTogether() {
        String bucket = "shared-" + UUID.randomUUID();
        // 10 permits at once, then one per 10 s: within the test no further whole permit is added.
        JdbcBucketStore store = store(postgres, Duration.ofSeconds(1));
        try (CteraPortal first = portal("first", new JdbcTokenBucketStrategy(bucket, 0.1, 10, store), Duration.ZERO);
                CteraPortal second = portal("second", new JdbcTokenBucketStrategy(bucket, 0.1, 10, store),
                        Duration.ZERO)) {
            // Each log-in is a call of its own and takes one of the 10 permits: 8 remain for the calls.
            first.session();
            second.session();
            assertThat(succeeded(30, first, second)).isEqualTo(8);
        }
        try (CteraPortal first = portal("first", new TokenBucketStrategy(0.1, 10), Duration.ZERO);
                CteraPortal second = portal("second", new TokenBucketStrategy(0.1, 10), Duration.ZERO)) {
            // The same load on a local bucket per client lets 10 through each (a log-in and 9 calls): the shared
            // store is what limits.
            first.session();
            second.session();
            assertThat(succeeded(30, first, second)).isEqualTo(18);
        }
    }

    @Test
    void waitingCallersOfTwoClientsArePacedAtTheSharedRate() {
        String bucket = "paced-" + UUID.randomUUID();
        JdbcBucketStore store = store(postgres, Duration.ofSeconds(1));
        JdbcTokenBucketStrategy one = new JdbcTokenBucketStrategy(bucket, 20, 1, store);
        JdbcTokenBucketStrategy two = new JdbcTokenBucketStrategy(bucket, 20, 1, store);
        try (CteraPortal first = portal("first", one, Duration.ofSeconds(10));
                CteraPortal second = portal("second", two, Duration.ofSeconds(10))) {
            first.session();
            second.session();
            long started = System.nanoTime();
            assertThat(succeeded(30, first, second)).isEqualTo(30);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // 30 permits at 20/s with a burst of 1 take at least 29/20 s, whichever client asks.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
            assertThat(one.storeFailures() + two.storeFailures()).isZero();
        }
    }

    @Test
    void storeOutageLetsCallsThroughWithOneWarningAndRecovers() {
        SwitchableDataSource dataSource = new SwitchableDataSource(postgres);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory
            .getLogger(JdbcTokenBucketStrategy.class);
        logger.addAppender(log);
        String bucket = "outage-" + UUID.randomUUID();
        JdbcTokenBucketStrategy strategy = new JdbcTokenBucketStrategy(bucket, 0.1, 3, store(dataSource,
                Duration.ZERO));
        try (CteraPortal portal = portal("outage", strategy, Duration.ZERO)) {
            portal.session(); // the log-in takes one of the 3 permits
            assertThat(succeeded(5, portal)).isEqualTo(2);

            dataSource.cut();
            assertThat(succeeded(6, portal)).isEqualTo(6);
            assertThat(strategy.storeFailures()).isEqualTo(6);
            assertThat(strategy.storeFailing()).isTrue();
            List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getFormattedMessage()).contains(bucket).contains("unlimited");

            dataSource.restore();
            // The bucket in the store is still empty: once it answers again, calls are limited again.
            assertThat(succeeded(4, portal)).isZero();
            assertThat(strategy.storeFailing()).isFalse();
            assertThat(strategy.storeFailures()).isEqualTo(6);
            assertThat(log.list.stream().filter(e -> e.getLevel() == Level.WARN)).hasSize(1);
        }
        finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void afterAFailureTheStoreIsLeftAloneForTheRetryInterval() {
        SwitchableDataSource dataSource = new SwitchableDataSource(postgres);
        long[] now = { 0 };
        JdbcTokenBucketStrategy strategy = new JdbcTokenBucketStrategy("interval-" + UUID.randomUUID(), 0.1, 1,
                store(dataSource, Duration.ofSeconds(5)), Schedulers.boundedElastic(),
                () -> now[0]);
        dataSource.cut();
        assertThat(strategy.reserve(0)).isZero();
        assertThat(strategy.reserve(0)).isZero();
        assertThat(strategy.storeFailures()).isEqualTo(1);
        assertThat(dataSource.connectionsAsked()).isEqualTo(1);
        dataSource.restore();
        now[0] = Duration.ofSeconds(5).toNanos();
        assertThat(strategy.reserve(0)).isZero();
        assertThat(strategy.reserve(0)).isEqualTo(RateLimitStrategy.REJECTED);
        assertThat(strategy.storeFailing()).isFalse();
    }

    @Test
    void reactiveReservationsAskTheStoreOffTheCallersThread() {
        JdbcTokenBucketStrategy strategy = new JdbcTokenBucketStrategy("thread-" + UUID.randomUUID(), 5, 5,
                store(postgres, Duration.ofSeconds(1)));
        String caller = Thread.currentThread().getName();
        String[] storeThread = { "" };
        Long wait = strategy.reserveReactive(0)
            .doOnNext(w -> storeThread[0] = Thread.currentThread().getName())
            .block(WAIT);
        assertThat(wait).isZero();
        assertThat(storeThread[0]).isNotEqualTo(caller).startsWith("boundedElastic");
    }

    @Test
    void badTableNamesAreRefusedBeforeReachingSql() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new JdbcBucketStore(postgres, "bucket; drop table x", Duration.ofSeconds(1),
                    Duration.ZERO, true))
            .withMessageContaining("must be an SQL identifier");
    }

    /** A DataSource whose connection can be cut, like a proxy in front of the database. */
    private static final class SwitchableDataSource implements DataSource {

        private final DataSource delegate;

        private final AtomicBoolean cut = new AtomicBoolean();

        private int asked;

        SwitchableDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        void cut() {
            this.cut.set(true);
        }

        void restore() {
            this.cut.set(false);
        }

        synchronized int connectionsAsked() {
            return this.asked;
        }

        @Override
        public Connection getConnection() throws SQLException {
            synchronized (this) {
                this.asked++;
            }
            if (this.cut.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            return this.delegate.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return new PrintWriter(java.io.Writer.nullWriter());
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
