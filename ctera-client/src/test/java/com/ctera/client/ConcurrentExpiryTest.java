package com.ctera.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ctera.client.users.UserQuery;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** Many callers meeting one session expiry together cause exactly one new login and no failure. */
class ConcurrentExpiryTest {

    private static final int READS = 300;

    private static final int THREADS = 8;

    private static final int EXPIRE_AFTER = 100;

    private static CteraPortalSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void concurrentFirstCallsShareOneLogin() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch done = new CountDownLatch(THREADS);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (CteraPortal portal = TestPortals.admin(simulator, simulator.defaultTenant())) {
            for (int thread = 0; thread < THREADS; thread++) {
                pool.execute(() -> {
                    try {
                        ready.countDown();
                        ready.await(10, TimeUnit.SECONDS);
                        portal.users().page(UserQuery.builder().pageSize(5).build(), 0);
                    }
                    catch (Throwable failure) {
                        failures.add(failure);
                    }
                    finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).as("all callers finished in time").isTrue();
            assertThat(failures).isEmpty();
            assertThat(portal.portalSession().loginCount()).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void threeHundredPagedReadsFromEightThreadsSurviveAnExpiryWithOneRelogin() throws InterruptedException {
        simulator.requests().reset();
        UserQuery query = UserQuery.builder().pageSize(20).build();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger expiries = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (CteraPortal portal = TestPortals.admin(simulator, simulator.defaultTenant())) {
            for (int thread = 0; thread < THREADS; thread++) {
                pool.execute(() -> {
                    try {
                        for (int read = started.getAndIncrement(); read < READS; read = started.getAndIncrement()) {
                            try {
                                CteraPage<?> page = portal.users().page(query, (read % 3) * 20);
                                assertThat(page.items()).hasSize(20);
                            }
                            catch (Throwable failure) {
                                failures.add(failure);
                            }
                            if (completed.incrementAndGet() == EXPIRE_AFTER) {
                                simulator.expireAllSessions();
                                expiries.incrementAndGet();
                            }
                        }
                    }
                    finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).as("all readers finished in time").isTrue();
            assertThat(failures).isEmpty();
            assertThat(completed.get()).isEqualTo(READS);
            assertThat(expiries.get()).isEqualTo(1);
            assertThat(portal.portalSession().loginCount()).isEqualTo(2);
            assertThat(simulator.requests().count("login")).isEqualTo(2);
            assertThat(simulator.requests().count("users.query")).isGreaterThanOrEqualTo(READS);
        }
        finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
