package com.ctera.client.bulk;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAccumulator;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraServerException;
import com.ctera.client.PortalContext;
import com.ctera.client.resilience.AdaptiveStrategy;
import com.ctera.client.resilience.CallRateLimiter;
import com.ctera.client.resilience.CircuitBreakerInterceptor;
import com.ctera.client.resilience.RateLimitInterceptor;
import com.ctera.client.resilience.RetryBudget;
import com.ctera.client.resilience.RetryInterceptor;
import com.ctera.client.resilience.RetryPolicy;
import com.ctera.client.resilience.TokenBucketStrategy;
import com.ctera.client.users.NewUser;
import com.ctera.client.users.UserRole;
import com.ctera.client.users.UserUpdate;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bulk users against the simulator, proved by its own counts: nothing lost, nothing done twice, rollback exact. */
class BulkUsersAgainstSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(300);

    private static CteraPortalSimulator simulator;

    private static String tenant;

    private static CteraPortal portal;

    private static RetryInterceptor retry;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        tenant = simulator.defaultTenant();
        SimulatorCredentials admin = simulator.adminCredentials();
        retry = new RetryInterceptor(new RetryPolicy(8, Duration.ofMillis(1), 2.0, Duration.ofMillis(20), true,
                Duration.ofSeconds(2), new RetryBudget.Settings(1_000_000, 5, 5, 1)));
        CircuitBreaker breaker = CircuitBreaker.of("bulk", CircuitBreakerInterceptor.configBuilder()
            .slidingWindowSize(100).minimumNumberOfCalls(100).failureRateThreshold(90).build());
        CallRateLimiter limiter = new CallRateLimiter("bulk", new TokenBucketStrategy(20_000, 500),
                Duration.ofSeconds(5));
        portal = CteraPortal.builder().name("bulk").baseUrl(simulator.baseUrl()).context(PortalContext.ADMIN)
            .tenant(tenant).credentials(admin.username(), admin.password()).readTimeout(Duration.ofSeconds(5))
            .interceptor(retry).interceptor(new CircuitBreakerInterceptor(breaker))
            .interceptor(RateLimitInterceptor.of(limiter)).build();
        portal.session();
    }

    @AfterAll
    static void stop() {
        portal.close();
        simulator.close();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void tenThousandCreationsUnderTenPercentFaultsMatchTheJournalExactly() {
        List<FaultRule> faults = List.of(FaultRule.forOperation("users.add").status(500),
                FaultRule.forOperation("users.add").status(500).afterProcessing(),
                FaultRule.forOperation("users.add").connectionReset(),
                FaultRule.forOperation("users.add").connectionReset().afterProcessing(),
                FaultRule.forOperation("users.add").tooManyRequests(Duration.ofSeconds(1)));
        Random random = new Random(16);
        String prefix = "bk" + Long.toString(System.nanoTime(), 36) + "-";
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            users.add(newUser(prefix + i));
        }
        int usersBefore = simulator.state().userCount(tenant);
        simulator.requests().reset();
        AtomicInteger injected = new AtomicInteger();
        // One fault armed as each item starts, for one in ten items: it hits whichever add comes next.
        List<BulkOperation> operations = new ArrayList<>();
        for (NewUser user : users) {
            boolean fault = random.nextDouble() < 0.10;
            FaultRule rule = faults.get(random.nextInt(faults.size()));
            operations.add(BulkOperation.of(user.name(), Mono.defer(() -> {
                if (fault) {
                    simulator.faults().inject(rule);
                    injected.incrementAndGet();
                }
                return portal.reactive().users().add(user);
            }), portal.reactive().users().delete(user.name())));
        }
        List<BulkProgress> events = Collections.synchronizedList(new ArrayList<>());
        BulkJob job = new BulkExecutor("bulk", BulkOptions.DEFAULTS.withMaxConcurrency(32), BulkMonitor.NONE)
            .start("users.create", operations, BulkOptions.DEFAULTS.withMaxConcurrency(32), events::add);
        BulkResult result = job.result().block(WAIT);

        assertThat(injected.get()).isBetween(900, 1100);
        assertThat(result.items()).hasSize(10_000);
        for (BulkItemResult item : result.items()) {
            boolean exists = simulator.state().userExists(tenant, item.id());
            assertThat(exists).as("%s", item).isEqualTo(item.outcome() == ItemOutcome.SUCCEEDED);
        }
        int succeeded = result.count(ItemOutcome.SUCCEEDED);
        assertThat(succeeded + result.count(ItemOutcome.FAILED)).isEqualTo(10_000);
        // Exactly one add took effect per created user, and the portal holds exactly those users.
        assertThat(simulator.requests().processed("users.add")).isEqualTo(succeeded);
        assertThat(simulator.state().userCount(tenant) - usersBefore).isEqualTo(succeeded);
        assertThat(succeeded).isEqualTo(10_000);
        assertThat(simulator.requests().count("users.add")).isGreaterThan(10_000);
        assertThat(retry.readBacksTookEffect()).isPositive();
        assertThat(events.stream().mapToInt(BulkProgress::inFlight).max().orElseThrow()).isEqualTo(32);
        BulkProgressAssertions.assertMonotonicAndFinal(events, result);
    }

    @Test
    void aThrottlingPortalSlowsTheJobThroughTheAdaptiveLimiterAndNothingIsLostOrDoubled() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(50, 5, 1, false, System::nanoTime);
        SimulatorCredentials admin = simulator.adminCredentials();
        RetryInterceptor patient = new RetryInterceptor(new RetryPolicy(10, Duration.ofMillis(1), 2.0,
                Duration.ofMillis(50), true, Duration.ofSeconds(2), new RetryBudget.Settings(1_000_000, 5, 5, 1)));
        String prefix = "ad" + Long.toString(System.nanoTime(), 36) + "-";
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(newUser(prefix + i));
        }
        try (CteraPortal throttled = CteraPortal.builder().name("adaptive").baseUrl(simulator.baseUrl())
            .context(PortalContext.ADMIN).tenant(tenant).credentials(admin.username(), admin.password())
            .readTimeout(Duration.ofSeconds(10)).interceptor(patient)
            .interceptor(RateLimitInterceptor.of(new CallRateLimiter("adaptive", adaptive, Duration.ofSeconds(30))))
            .build()) {
            throttled.session();
            simulator.requests().reset();
            simulator.faults().requestRateCeiling(5);
            DoubleAccumulator lowestRate = new DoubleAccumulator(Math::min, Double.MAX_VALUE);
            BulkResult result = CteraBulk.of(throttled).users().create(users,
                    BulkOptions.DEFAULTS.withMaxConcurrency(64),
                    progress -> lowestRate.accumulate(adaptive.currentRate())).result().block(WAIT);
            simulator.faults().requestRateCeiling(0);

            assertThat(result.allSucceeded()).as("%s", result.failed()).isTrue();
            assertThat(simulator.requests().processed("users.add")).isEqualTo(40);
            assertThat(users).allSatisfy(user -> assertThat(simulator.state().userExists(tenant, user.name()))
                .isTrue());
            // 40 items in flight against a portal that takes 5 calls a second: it refused adds (429 before
            // processing), and the limiter every item waits on cut its rate, so the job went at the portal's pace.
            assertThat(simulator.requests().count("users.add")).isGreaterThan(40);
            assertThat(adaptive.throttles()).isPositive();
            assertThat(lowestRate.get()).isLessThanOrEqualTo(50 * 0.7 + 0.01);
        }
    }

    @Test
    void aFailureAtItemSixtyUnderRollbackLeavesThePortalAsItWas() {
        String prefix = "rb" + Long.toString(System.nanoTime(), 36) + "-";
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            users.add(newUser(prefix + i + "-u"));
        }
        // Item 60's name is taken already: its add fails with a conflict.
        simulator.state().addUser(tenant, users.get(60).name(), "Passw0rd!1", "EndUser", "taken@example.com");
        int usersBefore = simulator.state().userCount(tenant);
        List<BulkProgress> events = Collections.synchronizedList(new ArrayList<>());
        BulkResult result = CteraBulk.of(portal).users().create(users,
                BulkOptions.DEFAULTS.withFailurePolicy(FailurePolicy.ROLLBACK), events::add).result().block(WAIT);

        assertThat(simulator.state().userCount(tenant)).isEqualTo(usersBefore);
        for (int i = 0; i < 100; i++) {
            assertThat(simulator.state().userExists(tenant, users.get(i).name())).as("user %d", i).isEqualTo(i == 60);
        }
        BulkItemResult failed = result.item(users.get(60).name()).orElseThrow();
        assertThat(failed.outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(failed.error()).isInstanceOf(CteraConflictException.class);
        int rolledBack = result.count(ItemOutcome.ROLLED_BACK);
        assertThat(rolledBack).isGreaterThanOrEqualTo(60);
        assertThat(result.count(ItemOutcome.SKIPPED)).isEqualTo(99 - rolledBack);
        assertThat(result.count(ItemOutcome.SUCCEEDED)).isZero();
        assertThat(result.withOutcome(ItemOutcome.SKIPPED)).allSatisfy(item -> assertThat(item.index()).isGreaterThan(60));
        assertThat(simulator.requests().processed("users.delete")).isGreaterThanOrEqualTo(rolledBack);
        BulkProgressAssertions.assertMonotonicAndFinal(events, result);
    }

    @Test
    void aCompensationThatFailsIsReportedAndItsUserStillExists() {
        String prefix = "rf" + Long.toString(System.nanoTime(), 36) + "-";
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(newUser(prefix + i + "-u"));
        }
        simulator.state().addUser(tenant, users.get(9).name(), "Passw0rd!1", "EndUser", "taken@example.com");
        // Every delete of user 3 fails, however often it is tried.
        simulator.faults().inject(FaultRule.forPath("/admin/api/users/" + users.get(3).name()).status(500).times(1000));
        BulkResult result = CteraBulk.of(portal).users().create(users, BulkOptions.DEFAULTS.withMaxConcurrency(1)
            .withFailurePolicy(FailurePolicy.ROLLBACK).withCompensationRetry(2, Duration.ofMillis(1)),
                BulkListener.NONE).await();

        BulkItemResult stuck = result.item(users.get(3).name()).orElseThrow();
        assertThat(stuck.outcome()).isEqualTo(ItemOutcome.ROLLBACK_FAILED);
        assertThat(stuck.rollbackError()).isInstanceOf(CteraServerException.class);
        assertThat(simulator.state().userExists(tenant, users.get(3).name())).isTrue();
        assertThat(result.count(ItemOutcome.ROLLED_BACK)).isEqualTo(8);
        for (int i = 0; i < 9; i++) {
            assertThat(simulator.state().userExists(tenant, users.get(i).name())).isEqualTo(i == 3);
        }
    }

    @Test
    void modificationsRolledBackAfterAFailureInTheMiddleGetTheirAttributesBack() {
        List<String> names = existingUsers("rm", 20);
        Map<String, Map<String, String>> before = snapshot(names);
        Map<String, UserUpdate> updates = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            UserUpdate.Builder update = UserUpdate.builder().email("changed" + i + "@example.org").lastName("Changed")
                .role(UserRole.READ_ONLY_ADMIN).company("Other Co");
            if (i == 3) {
                update.password("N3w-Passw0rd!");
            }
            updates.put(names.get(i), update.build());
            if (i == 11) {
                updates.put("no-such-user-" + names.get(i), UserUpdate.builder().comment("x").build());
            }
        }
        BulkResult result = CteraBulk.of(portal).users().modify(updates, BulkOptions.DEFAULTS.withMaxConcurrency(4)
            .withFailurePolicy(FailurePolicy.ROLLBACK), BulkListener.NONE).await();

        assertThat(result.item("no-such-user-" + names.get(11)).orElseThrow().outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(result.count(ItemOutcome.ROLLED_BACK)).isGreaterThanOrEqualTo(12);
        assertThat(result.count(ItemOutcome.SUCCEEDED)).isZero();
        assertThat(result.count(ItemOutcome.ROLLBACK_FAILED)).isZero();
        assertThat(snapshot(names)).isEqualTo(before);
        for (BulkItemResult item : result.withOutcome(ItemOutcome.ROLLED_BACK)) {
            if (item.id().equals(names.get(3))) {
                assertThat(item.notRestored()).contains("password");
            }
            else {
                assertThat(item.rolledBackInPart()).as(item.toString()).isFalse();
            }
        }
        assertThat(result.withOutcome(ItemOutcome.SKIPPED)).allSatisfy(item -> assertThat(item.index()).isGreaterThan(12));
    }

    @Test
    void anUpdateThatSetsAnEmptyAttributeSaysItCannotUnsetIt() {
        List<String> names = existingUsers("ru", 2);
        Map<String, UserUpdate> updates = new LinkedHashMap<>();
        updates.put(names.get(0), UserUpdate.builder().comment("was unset").build());
        updates.put("no-such-user-" + names.get(1), UserUpdate.builder().comment("x").build());
        BulkResult result = CteraBulk.of(portal).users().modify(updates, BulkOptions.DEFAULTS.withMaxConcurrency(1)
            .withFailurePolicy(FailurePolicy.ROLLBACK), BulkListener.NONE).await();

        BulkItemResult item = result.item(names.get(0)).orElseThrow();
        assertThat(item.outcome()).isEqualTo(ItemOutcome.ROLLED_BACK);
        assertThat(item.notRestored()).contains("comment").contains("cannot unset");
        assertThat(simulator.state().user(tenant, names.get(0)).orElseThrow()).containsEntry("comment", "was unset");
    }

    @Test
    void deletionsRolledBackAfterAFailureInTheMiddleRecreateEachUserAndSayThePasswordIsGone() {
        List<String> names = existingUsers("rd", 20);
        Map<String, Map<String, String>> before = snapshot(names);
        List<String> toDelete = new ArrayList<>(names);
        toDelete.add(12, "no-such-user-" + names.get(12));
        BulkResult result = CteraBulk.of(portal).users().delete(toDelete, BulkOptions.DEFAULTS.withMaxConcurrency(4)
            .withFailurePolicy(FailurePolicy.ROLLBACK), BulkListener.NONE).await();

        assertThat(result.item(toDelete.get(12)).orElseThrow().outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(result.count(ItemOutcome.ROLLED_BACK)).isGreaterThanOrEqualTo(12);
        assertThat(result.count(ItemOutcome.SUCCEEDED)).isZero();
        assertThat(result.count(ItemOutcome.ROLLBACK_FAILED)).isZero();
        for (String name : names) {
            assertThat(simulator.state().userExists(tenant, name)).as(name).isTrue();
        }
        // Recreated users have a new uid and must change the password nobody knows; every other attribute is back.
        assertThat(withoutRecreatedFields(snapshot(names))).isEqualTo(withoutRecreatedFields(before));
        assertThat(result.withOutcome(ItemOutcome.ROLLED_BACK)).allSatisfy(item -> assertThat(item.notRestored())
            .contains("password").contains("uid"));
    }

    /** Users with every attribute but the comment set. */
    private static List<String> existingUsers(String tag, int count) {
        String prefix = tag + Long.toString(System.nanoTime(), 36) + "-";
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(NewUser.builder(prefix + i).email(prefix + i + "@example.com").fullName("First" + i, "Last" + i)
                .password("Passw0rd!1").role((i % 2 == 0) ? UserRole.END_USER : UserRole.READ_WRITE_ADMIN)
                .company("Acme " + i).build());
        }
        assertThat(CteraBulk.of(portal).users().create(users).await().allSucceeded()).isTrue();
        return users.stream().map(NewUser::name).toList();
    }

    private static Map<String, Map<String, String>> snapshot(List<String> names) {
        Map<String, Map<String, String>> users = new LinkedHashMap<>();
        for (String name : names) {
            users.put(name, simulator.state().user(tenant, name).orElse(Map.of()));
        }
        return users;
    }

    private static Map<String, Map<String, String>> withoutRecreatedFields(Map<String, Map<String, String>> users) {
        Map<String, Map<String, String>> kept = new LinkedHashMap<>();
        users.forEach((name, attributes) -> {
            Map<String, String> copy = new LinkedHashMap<>(attributes);
            copy.remove("uid");
            copy.remove("requirePasswordChangeOn");
            kept.put(name, copy);
        });
        return kept;
    }

    @Test
    void aCsvWithBadRowsSendsNothing() {
        String csv = """
                name,email,first_name,last_name,password
                fine1,fine1@example.com,Fine,One,Passw0rd!1
                broken,broken-at-example.com,Broken,Row,Passw0rd!1
                fine2,fine2@example.com,Fine,Two,Passw0rd!1
                ,nobody@example.com,No,Name,Passw0rd!1
                """;
        simulator.requests().reset();
        UserCsvException error = catchThrowableOfType(UserCsvException.class, () -> CteraBulk.of(portal).users()
            .createFromCsv(new StringReader(csv), "upload.csv", BulkOptions.DEFAULTS, BulkListener.NONE));
        assertThat(error.problems()).extracting(CsvProblem::line).containsExactly(3L, 5L);
        assertThat(simulator.requests().total()).isZero();
        assertThat(simulator.state().userExists(tenant, "fine1")).isFalse();
    }

    private static NewUser newUser(String name) {
        return NewUser.builder(name).email(name + "@example.com").fullName("Bulk", "User").password("Passw0rd!1")
            .build();
    }
}
