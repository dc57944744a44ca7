package com.ctera.autoconfigure.resilience;

import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.springboot.circuitbreaker.monitoring.endpoint.CircuitBreakerEndpoint;
import io.github.resilience4j.springboot.ratelimiter.monitoring.endpoint.RateLimiterEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.resilience.AdaptiveStrategy;
import com.ctera.client.resilience.CallRateLimiter;
import com.ctera.client.resilience.FixedWindowStrategy;
import com.ctera.client.resilience.NoRateLimit;
import com.ctera.client.resilience.PortalResilience;
import com.ctera.client.resilience.RateLimitManager;
import com.ctera.client.resilience.RetryPolicy;
import com.ctera.client.resilience.SlidingWindowStrategy;
import com.ctera.client.resilience.TokenBucketStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Properties to resilience stages, the shorthand, the manager, validation, and Actuator/Prometheus visibility. */
class CteraResilienceAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                CteraResilienceAutoConfiguration.class))
        .withPropertyValues("ctera.defaults.username=admin", "ctera.defaults.password=secret-pw",
                "ctera.portals.main.url=https://portal.example.com");

    private static PortalResilience resilienceOf(org.springframework.context.ApplicationContext context,
            String portal) {
        context.getBean(portal + "CteraPortal", CteraPortal.class);
        return context.getBean(CteraResilience.class).find(portal).orElseThrow();
    }

    @Test
    void builtInDefaultsGiveRetryAndABreakerButNoLimiterOrDeadline() {
        this.runner.run(context -> {
            PortalResilience main = resilienceOf(context, "main");
            assertThat(main.retry().policy()).isEqualTo(RetryPolicy.DEFAULT);
            CircuitBreakerConfig breaker = main.circuitBreaker().breaker().getCircuitBreakerConfig();
            assertThat(breaker.getFailureRateThreshold()).isEqualTo(50f);
            assertThat(breaker.getSlidingWindowSize()).isEqualTo(100);
            assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(20);
            assertThat(main.breakerAffectsHealth()).isFalse();
            assertThat(main.rateLimit()).isNull();
            assertThat(main.deadline()).isNull();
        });
    }

    @Test
    void everyPropertyReachesItsComponent() {
        this.runner.withPropertyValues("ctera.portals.main.retry.max-attempts=5",
                "ctera.portals.main.retry.base-delay=50ms", "ctera.portals.main.retry.multiplier=3",
                "ctera.portals.main.retry.max-delay=2s", "ctera.portals.main.retry.full-jitter=false",
                "ctera.portals.main.retry.max-retry-after=10s", "ctera.portals.main.retry.budget.capacity=100",
                "ctera.portals.main.retry.budget.retry-cost=10", "ctera.portals.main.retry.budget.throttling-cost=2",
                "ctera.portals.main.retry.budget.success-refund=3", "ctera.portals.main.timeouts.overall=45s",
                "ctera.portals.main.circuit-breaker.failure-rate-threshold=25",
                "ctera.portals.main.circuit-breaker.slow-call-rate-threshold=80",
                "ctera.portals.main.circuit-breaker.slow-call-duration-threshold=3s",
                "ctera.portals.main.circuit-breaker.sliding-window-type=time-based",
                "ctera.portals.main.circuit-breaker.sliding-window-size=30",
                "ctera.portals.main.circuit-breaker.minimum-number-of-calls=7",
                "ctera.portals.main.circuit-breaker.wait-duration-in-open-state=12s",
                "ctera.portals.main.circuit-breaker.permitted-number-of-calls-in-half-open-state=2",
                "ctera.portals.main.circuit-breaker.affects-health=true",
                "ctera.portals.main.rate-limit.strategy=adaptive", "ctera.portals.main.rate-limit.rate=40",
                "ctera.portals.main.rate-limit.burst=8", "ctera.portals.main.rate-limit.min-rate=2",
                "ctera.portals.main.rate-limit.max-wait=750ms",
                "ctera.portals.main.rate-limit.operations.users.strategy=sliding-window",
                "ctera.portals.main.rate-limit.operations.users.limit=20",
                "ctera.portals.main.rate-limit.operations.users.window=2s",
                "ctera.portals.main.rate-limit.operations[files.upload].strategy=token-bucket",
                "ctera.portals.main.rate-limit.operations[files.upload].rate=3")
            .run(context -> {
                PortalResilience main = resilienceOf(context, "main");
                RetryPolicy retry = main.retry().policy();
                assertThat(retry.maxAttempts()).isEqualTo(5);
                assertThat(retry.baseDelay()).isEqualTo(Duration.ofMillis(50));
                assertThat(retry.multiplier()).isEqualTo(3.0);
                assertThat(retry.maxDelay()).isEqualTo(Duration.ofSeconds(2));
                assertThat(retry.fullJitter()).isFalse();
                assertThat(retry.maxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
                assertThat(retry.budget().capacity()).isEqualTo(100);
                assertThat(retry.budget().retryCost()).isEqualTo(10);
                assertThat(retry.budget().throttlingCost()).isEqualTo(2);
                assertThat(retry.budget().successRefund()).isEqualTo(3);
                assertThat(main.deadline().deadline()).isEqualTo(Duration.ofSeconds(45));
                CircuitBreakerConfig breaker = main.circuitBreaker().breaker().getCircuitBreakerConfig();
                assertThat(breaker.getFailureRateThreshold()).isEqualTo(25f);
                assertThat(breaker.getSlowCallRateThreshold()).isEqualTo(80f);
                assertThat(breaker.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(3));
                assertThat(breaker.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.TIME_BASED);
                assertThat(breaker.getSlidingWindowSize()).isEqualTo(30);
                assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(7);
                assertThat(breaker.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(12_000L);
                assertThat(breaker.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
                assertThat(main.breakerAffectsHealth()).isTrue();
                CallRateLimiter portalLimiter = main.rateLimit().limiterFor("devices.query");
                assertThat(portalLimiter.name()).isEqualTo("main");
                assertThat(portalLimiter.strategy()).isInstanceOf(AdaptiveStrategy.class);
                assertThat(portalLimiter.strategy().currentRate()).isEqualTo(40.0);
                assertThat(portalLimiter.maxWait()).isEqualTo(Duration.ofMillis(750));
                assertThat(portalLimiter.strategy().availablePermits()).isEqualTo(8);
                CallRateLimiter users = main.rateLimit().limiterFor("users.add");
                assertThat(users.name()).isEqualTo("main.users");
                assertThat(users.strategy()).isInstanceOf(SlidingWindowStrategy.class);
                assertThat(users.strategy().currentRate()).isEqualTo(10.0);
                assertThat(users.maxWait()).as("inherited from the portal").isEqualTo(Duration.ofMillis(750));
                CallRateLimiter upload = main.rateLimit().limiterFor("files.upload");
                assertThat(upload.strategy()).isInstanceOf(TokenBucketStrategy.class);
                assertThat(upload.strategy().currentRate()).isEqualTo(3.0);
                assertThat(main.describe()).containsKeys("deadline", "retry", "circuitBreaker", "rateLimiters");
            });
    }

    @Test
    void defaultsAreMergedKeyByKeyAndEachPortalKeepsItsOwn() {
        this.runner.withPropertyValues("ctera.defaults.retry.max-attempts=6", "ctera.defaults.retry.base-delay=1s",
                "ctera.defaults.retry.max-delay=30s", "ctera.defaults.rate-limit.strategy=token-bucket",
                "ctera.defaults.rate-limit.rate=20", "ctera.portals.main.retry.base-delay=200ms",
                "ctera.portals.other.url=https://other.example.com", "ctera.portals.other.rate-limit.rate=5",
                "ctera.portals.other.circuit-breaker.enabled=false", "ctera.portals.other.retry.enabled=false")
            .run(context -> {
                PortalResilience main = resilienceOf(context, "main");
                assertThat(main.retry().policy().maxAttempts()).isEqualTo(6);
                assertThat(main.retry().policy().baseDelay()).isEqualTo(Duration.ofMillis(200));
                assertThat(main.rateLimit().limiterFor("users.add").strategy().currentRate()).isEqualTo(20.0);
                PortalResilience other = resilienceOf(context, "other");
                assertThat(other.retry()).isNull();
                assertThat(other.circuitBreaker()).isNull();
                assertThat(other.rateLimit().limiterFor("users.add").strategy()).isInstanceOf(
                        TokenBucketStrategy.class);
                assertThat(other.rateLimit().limiterFor("users.add").strategy().currentRate()).isEqualTo(5.0);
            });
    }

    @Test
    void theOriginalShorthandLimitsEveryPortalWithoutItsOwnStrategyAndEveryManagerKey() {
        this.runner.withPropertyValues("ctera.rate-limit.max-requests=1000", "ctera.rate-limit.window=60s",
                "ctera.portals.own.url=https://own.example.com", "ctera.portals.own.rate-limit.strategy=token-bucket")
            .run(context -> {
                CallRateLimiter main = resilienceOf(context, "main").rateLimit().limiterFor("users.add");
                assertThat(main.strategy()).isInstanceOf(FixedWindowStrategy.class);
                assertThat(((FixedWindowStrategy) main.strategy()).limiter().getRateLimiterConfig().getLimitForPeriod())
                    .isEqualTo(1000);
                assertThat(((FixedWindowStrategy) main.strategy()).limiter().getRateLimiterConfig()
                    .getLimitRefreshPeriod()).isEqualTo(Duration.ofSeconds(60));
                assertThat(resilienceOf(context, "own").rateLimit().limiterFor("users.add").strategy())
                    .isInstanceOf(TokenBucketStrategy.class);
                RateLimitManager manager = context.getBean(RateLimitManager.class);
                manager.acquire("/api/users");
                assertThat(manager.limiter("/api/users").strategy()).isInstanceOf(FixedWindowStrategy.class);
                assertThat(manager.keys()).contains("main", "own", "/api/users");
            });
    }

    @Test
    void disablingRateLimitingTurnsEveryLimiterOff() {
        this.runner.withPropertyValues("ctera.rate-limit.enabled=false", "ctera.rate-limit.max-requests=10",
                "ctera.portals.main.rate-limit.strategy=token-bucket",
                "ctera.rate-limit.limits.api.strategy=token-bucket")
            .run(context -> {
                assertThat(resilienceOf(context, "main").rateLimit()).isNull();
                RateLimitManager manager = context.getBean(RateLimitManager.class);
                assertThat(manager.limiter("api").strategy()).isInstanceOf(NoRateLimit.class);
                assertThatIllegalArgumentException().isThrownBy(() -> manager.acquire("unknown"))
                    .withMessageContaining("No rate limit for key 'unknown'");
            });
    }

    @Test
    void theManagerServesNamedLimitsBlockingAndReactive() {
        this.runner.withPropertyValues("ctera.rate-limit.limits.reports.strategy=token-bucket",
                "ctera.rate-limit.limits.reports.rate=1", "ctera.rate-limit.limits.reports.burst=2",
                "ctera.rate-limit.limits.reports.max-wait=0s")
            .run(context -> {
                RateLimitManager manager = context.getBean(RateLimitManager.class);
                assertThat(manager.tryAcquire("reports", Duration.ZERO)).isTrue();
                manager.acquireReactive("reports").block(Duration.ofSeconds(1));
                assertThat(manager.tryAcquire("reports", Duration.ZERO)).isFalse();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> manager.acquire("reports"))
                    .isInstanceOf(CteraThrottledException.class).hasMessageContaining("reports");
                assertThat(manager.limiter("reports").rejections()).isEqualTo(2);
            });
    }

    @Test
    void badValuesStopStartupNamingTheProperty() {
        this.runner.withPropertyValues("ctera.portals.main.retry.max-attempts=0",
                "ctera.defaults.rate-limit.strategy=leaky", "ctera.portals.main.circuit-breaker.failure-rate-threshold=0",
                "ctera.portals.main.rate-limit.operations.users.rate=-1", "ctera.portals.main.timeouts.overall=0s")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().message()
                    .contains("ctera.portals.main.retry.max-attempts must be at least 1, was 0")
                    .contains("ctera.defaults.rate-limit.strategy must be one of token-bucket, fixed-window, "
                            + "sliding-window, adaptive, none, was 'leaky'")
                    .contains("ctera.portals.main.circuit-breaker.failure-rate-threshold must be a percentage")
                    .contains("ctera.portals.main.rate-limit.operations.users.rate must be a positive number")
                    .contains("ctera.portals.main.timeouts.overall must be a positive duration");
            });
        this.runner.withPropertyValues("ctera.rate-limit.max-requests=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message()
                .contains("ctera.rate-limit.max-requests must be at least 1, was 0");
        });
    }

    @Test
    void conditionsSwitchTheConfigurationAndItsMetersOff() {
        this.runner.run(context -> assertThat(context).hasSingleBean(CteraResilience.class)
            .doesNotHaveBean(ResilienceMeterBinder.class));
        this.runner.withPropertyValues("ctera.enabled=false").run(context -> assertThat(context)
            .doesNotHaveBean(CteraResilience.class).doesNotHaveBean(RateLimitManager.class));
        this.runner.withClassLoader(new FilteredClassLoader(io.micrometer.core.instrument.MeterRegistry.class))
            .withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class)
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ResilienceMeterBinder.class));
        this.runner.withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class)
            .run(context -> assertThat(context).hasSingleBean(ResilienceMeterBinder.class));
    }

    @Test
    void aUserManagerOrFactoryReplacesTheStartersOwn() {
        this.runner.withUserConfiguration(UserBeans.class).run(context -> {
            assertThat(context.getBean(RateLimitManager.class)).isSameAs(context.getBean(UserBeans.class).manager);
        });
    }

    @Test
    void limitersAndBreakersShowInTheResilience4jEndpointsAndInPrometheus() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                    CteraResilienceAutoConfiguration.class,
                    org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class,
                    org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration.class,
                    org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration.class,
                    org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration.class,
                    io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration.class,
                    io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerMetricsAutoConfiguration.class,
                    io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration.class,
                    io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterMetricsAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=*",
                    "management.prometheus.metrics.export.enabled=true", "ctera.defaults.username=admin",
                    "ctera.defaults.password=secret-pw", "ctera.portals.main.url=https://portal.example.com",
                    "ctera.portals.main.rate-limit.strategy=fixed-window", "ctera.portals.main.rate-limit.limit=10",
                    "ctera.portals.main.rate-limit.operations.users.strategy=adaptive",
                    "ctera.portals.main.rate-limit.operations.users.rate=25")
            .run(context -> {
                assertThat(context).hasNotFailed();
                context.getBean("mainCteraPortal", CteraPortal.class);
                assertThat(context.getBean(CircuitBreakerEndpoint.class).getAllCircuitBreakers().getCircuitBreakers())
                    .containsKey("ctera-main");
                assertThat(context.getBean(RateLimiterEndpoint.class).getAllRateLimiters().getRateLimiters())
                    .contains("ctera-main", "ctera-main.users");
                io.github.resilience4j.ratelimiter.RateLimiter adaptiveView = context
                    .getBean(io.github.resilience4j.ratelimiter.RateLimiterRegistry.class).find("ctera-main.users")
                    .orElseThrow();
                assertThat(adaptiveView.getRateLimiterConfig().getLimitForPeriod()).isEqualTo(25);
                assertThat(adaptiveView.getMetrics().getAvailablePermissions()).isEqualTo(25);
                // A permit taken through the view is a permit of the portal's own limiter.
                CallRateLimiter users = context.getBean(CteraResilience.class).find("main").orElseThrow().rateLimit()
                    .limiterFor("users.add");
                long grantedBefore = users.granted();
                assertThat(adaptiveView.acquirePermission()).isTrue();
                assertThat(users.granted()).isEqualTo(grantedBefore + 1);
                String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
                assertThat(scrape).contains("resilience4j_circuitbreaker_state{")
                    .contains("name=\"ctera-main\"")
                    .contains("resilience4j_ratelimiter_available_permissions{")
                    .contains("resilience4j_ratelimiter_available_permissions{name=\"ctera-main.users\"")
                    .contains("ctera_ratelimiter_rate{limiter=\"main.users\",portal=\"main\","
                            + "strategy=\"adaptive\"} 25.0")
                    .contains("ctera_ratelimiter_waiting_callers{limiter=\"main\"")
                    .contains("ctera_ratelimiter_rejections_total{limiter=\"main\"")
                    .contains("ctera_ratelimiter_available_permits{limiter=\"main.users\"")
                    .contains("ctera_retry_budget_available{portal=\"main\"} 500.0")
                    .doesNotContain("secret-pw");
                CircuitBreaker breaker = context.getBean(
                        io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.class).circuitBreaker("ctera-main");
                assertThat(breaker).isSameAs(context.getBean(CteraResilience.class).find("main").orElseThrow()
                    .circuitBreaker().breaker());
            });
    }

    @Test
    void withoutResilience4jSpringBootTheStagesStillWorkStandalone() {
        this.runner.withClassLoader(new FilteredClassLoader("io.github.resilience4j.springboot"))
            .withPropertyValues("ctera.portals.main.rate-limit.strategy=fixed-window")
            .run(context -> {
                PortalResilience main = resilienceOf(context, "main");
                assertThat(main.circuitBreaker().breaker().getName()).isEqualTo("ctera-main");
                assertThat(main.rateLimit().limiterFor("users.add").strategy()).isInstanceOf(FixedWindowStrategy.class);
                Map<String, Object> described = context.getBean(CteraResilience.class).describe("main");
                assertThat(described.toString()).doesNotContain("secret-pw");
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        final RateLimitManager manager = new RateLimitManager(Map.of(), null);

        @Bean
        RateLimitManager userRateLimitManager() {
            return this.manager;
        }
    }
}
