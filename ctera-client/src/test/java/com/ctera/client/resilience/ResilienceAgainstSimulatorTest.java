package com.ctera.client.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraException;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraPortalBuilder;
import com.ctera.client.CteraServerException;
import com.ctera.client.PortalContext;
import com.ctera.client.users.NewUser;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resilience stages in a real client against the simulator's fault injection and request journal. */
class ResilienceAgainstSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static CteraPortalSimulator simulator;

    private static String tenant;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        tenant = simulator.defaultTenant();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    private static CteraPortalBuilder portal(String name, Duration readTimeout) {
        SimulatorCredentials admin = simulator.adminCredentials();
        return CteraPortal.builder().name(name).baseUrl(simulator.baseUrl()).context(PortalContext.ADMIN)
            .tenant(tenant).credentials(admin.username(), admin.password()).readTimeout(readTimeout);
    }

    @Test
    void noRetryReachesThePortalBeforeItsRetryAfter() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50), true,
                Duration.ofSeconds(5), RetryBudget.Settings.DEFAULT);
        try (CteraPortal portal = portal("retry-after", Duration.ofSeconds(5))
            .interceptor(new RetryInterceptor(policy)).build()) {
            portal.session();
            simulator.requests().reset();
            simulator.faults().inject(FaultRule.forOperation("users.get").tooManyRequests(Duration.ofSeconds(2)));
            assertThat(portal.users().find("no-such-user-" + System.nanoTime())).isEmpty();
            List<Instant> arrivals = simulator.requests().arrivals("users.get");
            assertThat(arrivals).hasSize(2);
            assertThat(Duration.between(arrivals.get(0), arrivals.get(1)))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void theBreakerOpensRejectsFastHalfOpensAndCloses() {
        MutableClock clock = new MutableClock();
        CircuitBreakerConfig config = CircuitBreakerInterceptor.configBuilder()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(4)
            .minimumNumberOfCalls(4)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(2)
            .clock(clock)
            .build();
        CircuitBreaker breaker = CircuitBreaker.of("breaker-test", config);
        try (CteraPortal portal = portal("breaker", Duration.ofSeconds(5))
            .interceptor(new CircuitBreakerInterceptor(breaker)).build()) {
            portal.session();
            String name = "no-such-user";
            // Business answers (not found) do not count as failures.
            for (int i = 0; i < 4; i++) {
                assertThat(portal.users().find(name)).isEmpty();
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            // The window holds the last 4 calls; 2 failures among them reach the 50% threshold.
            simulator.faults().inject(FaultRule.forOperation("users.get").status(500).times(2));
            assertThatThrownBy(() -> portal.users().find(name)).isInstanceOf(CteraServerException.class);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThatThrownBy(() -> portal.users().find(name)).isInstanceOf(CteraServerException.class);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

            long received = simulator.requests().count("users.get");
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> portal.users().find(name)).isInstanceOf(CteraCircuitOpenException.class)
                    .hasMessageContaining("circuit breaker of portal 'breaker'");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(simulator.requests().count("users.get")).isEqualTo(received);

            clock.advance(Duration.ofSeconds(31));
            assertThat(portal.users().find(name)).isEmpty();
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
            assertThat(portal.users().find(name)).isEmpty();
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void aThousandCreationsUnderInjectedFaultsCreateEveryUserExactlyOnce() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(1), 2.0, Duration.ofMillis(20), true,
                Duration.ofSeconds(2), new RetryBudget.Settings(100_000, 5, 5, 1));
        RetryInterceptor retry = new RetryInterceptor(policy);
        CircuitBreaker breaker = CircuitBreaker.of("thousand", CircuitBreakerInterceptor.configBuilder()
            .slidingWindowSize(100).minimumNumberOfCalls(100).failureRateThreshold(90).build());
        CallRateLimiter limiter = new CallRateLimiter("thousand", new TokenBucketStrategy(5_000, 200),
                Duration.ofSeconds(5));
        List<FaultRule> faults = List.of(FaultRule.forOperation("users.add").status(500),
                FaultRule.forOperation("users.add").status(500).afterProcessing(),
                FaultRule.forOperation("users.add").serviceUnavailable(Duration.ofSeconds(1)),
                FaultRule.forOperation("users.add").tooManyRequests(Duration.ofSeconds(1)),
                FaultRule.forOperation("users.add").connectionReset(),
                FaultRule.forOperation("users.add").connectionReset().afterProcessing(),
                FaultRule.forOperation("users.add").delay(Duration.ofMillis(600)));
        Random random = new Random(42);
        String prefix = "bulk" + Long.toString(System.nanoTime(), 36) + "-";
        int usersBefore = simulator.state().userCount(tenant);
        try (CteraPortal portal = portal("thousand", Duration.ofMillis(300)).interceptor(retry)
            .interceptor(new CircuitBreakerInterceptor(breaker)).interceptor(RateLimitInterceptor.of(limiter))
            .interceptor(new DeadlineInterceptor(Duration.ofSeconds(20))).build()) {
            portal.session();
            simulator.requests().reset();
            int[] injected = new int[1];
            List<Outcome> outcomes = Flux.range(0, 1000)
                .flatMap(i -> {
                    if (random.nextDouble() < 0.2) {
                        simulator.faults().inject(faults.get(random.nextInt(faults.size())));
                        injected[0]++;
                    }
                    String name = prefix + i;
                    return portal.reactive().users().add(newUser(name))
                        .map(reference -> new Outcome(name, null))
                        .onErrorResume(CteraException.class, error -> Mono.just(new Outcome(name, error)));
                }, 16)
                .collectList()
                .block(Duration.ofSeconds(120));

            assertThat(outcomes).hasSize(1000);
            assertThat(injected[0]).isBetween(150, 250);
            for (Outcome outcome : outcomes) {
                boolean exists = simulator.state().userExists(tenant, outcome.name());
                assertThat(exists).as("%s reported %s", outcome.name(), outcome.describe())
                    .isEqualTo(outcome.error() == null);
            }
            long created = outcomes.stream().filter(outcome -> outcome.error() == null).count();
            assertThat(created).isEqualTo(1000);
            assertThat(simulator.state().userCount(tenant) - usersBefore).isEqualTo(1000);
            // Exactly one add took effect per user: none was repeated after it had succeeded.
            assertThat(simulator.requests().processed("users.add")).isEqualTo(1000);
            assertThat(simulator.requests().count("users.add")).isGreaterThan(1000);
            assertThat(retry.retries()).isPositive();
            assertThat(retry.readBacksTookEffect()).isPositive();
        }
    }

    private static NewUser newUser(String name) {
        return NewUser.builder(name).email(name + "@example.com").fullName("Bulk", "User").password("Passw0rd!1")
            .build();
    }

    private record Outcome(String name, CteraException error) {

        String describe() {
            return (this.error == null) ? "success" : this.error.toString();
        }
    }

    private static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        void advance(Duration duration) {
            this.now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now.get();
        }
    }
}
