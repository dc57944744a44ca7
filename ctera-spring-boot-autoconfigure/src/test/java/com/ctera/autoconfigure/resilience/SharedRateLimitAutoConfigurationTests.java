package com.ctera.autoconfigure.resilience;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.CteraPortal;
import com.ctera.client.resilience.AdaptiveStrategy;
import com.ctera.client.resilience.CallRateLimiter;
import com.ctera.client.resilience.JdbcTokenBucketStrategy;
import com.ctera.client.resilience.RateLimitInterceptor;
import com.ctera.client.resilience.RateLimitStrategy;
import com.ctera.client.resilience.TokenBucketStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rate-limit.shared: jdbc}: the store from the application's DataSource, fail-open metric, start-up errors. */
class SharedRateLimitAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                CteraResilienceAutoConfiguration.class))
        .withPropertyValues("ctera.defaults.username=admin", "ctera.defaults.password=secret-pw",
                "ctera.portals.main.url=https://portal.example.com");

    private final ApplicationContextRunner withDataSource = this.runner
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

    private static RateLimitInterceptor limitersOf(org.springframework.context.ApplicationContext context) {
        context.getBean("mainCteraPortal", CteraPortal.class);
        return context.getBean(CteraResilience.class).find("main").orElseThrow().rateLimit();
    }

    @Test
    void sharedLimitsKeepTheirBucketInTheApplicationsPostgres() {
        this.withDataSource
            .withPropertyValues("spring.datasource.url=" + TestPostgres.url(),
                    "ctera.defaults.rate-limit.shared=jdbc", "ctera.defaults.rate-limit.jdbc.table=ctera_autoconf_bucket",
                    "ctera.portals.main.rate-limit.rate=1", "ctera.portals.main.rate-limit.burst=2",
                    "ctera.portals.main.rate-limit.max-wait=0s",
                    "ctera.portals.main.rate-limit.jdbc.request-timeout=3s",
                    "ctera.portals.main.rate-limit.jdbc.retry-interval=750ms",
                    "ctera.portals.main.rate-limit.operations.users.shared=none",
                    "ctera.portals.main.rate-limit.operations.users.strategy=token-bucket",
                    "ctera.portals.main.rate-limit.operations.devices.rate=3")
            .run(context -> {
                RateLimitInterceptor limiters = limitersOf(context);
                JdbcTokenBucketStrategy portal = (JdbcTokenBucketStrategy) limiters.limiterFor("files.list").strategy();
                assertThat(portal.store().table()).isEqualTo("ctera_autoconf_bucket");
                assertThat(portal.store().requestTimeout()).isEqualTo(Duration.ofSeconds(3));
                assertThat(portal.store().retryInterval()).isEqualTo(Duration.ofMillis(750));
                assertThat(portal.store().dataSource()).isSameAs(context.getBean(javax.sql.DataSource.class));
                assertThat(limiters.limiterFor("users.add").strategy()).isInstanceOf(TokenBucketStrategy.class);
                assertThat(limiters.limiterFor("devices.get").strategy()).isInstanceOf(JdbcTokenBucketStrategy.class)
                    .extracting(s -> s.currentRate()).isEqualTo(3.0);
                // The bucket is in the database: burst 2, then refused without waiting.
                CallRateLimiter limiter = limiters.limiterFor("files.list");
                assertThat(limiter.tryAcquire(Duration.ZERO)).isTrue();
                assertThat(limiter.tryAcquire(Duration.ZERO)).isTrue();
                assertThat(limiter.tryAcquire(Duration.ZERO)).isFalse();
                assertThat(portal.storeFailures()).isZero();
            });
    }

    @Test
    void anUnreachableStoreLetsCallsThroughAndCountsTheFailure() {
        this.withDataSource.withBean(SimpleMeterRegistry.class)
            .withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/postgres?connectTimeout=1",
                    "spring.datasource.hikari.connection-timeout=250",
                    "ctera.portals.main.rate-limit.shared=jdbc", "ctera.portals.main.rate-limit.burst=1",
                    "ctera.portals.main.rate-limit.jdbc.retry-interval=1m")
            .run(context -> {
                CallRateLimiter limiter = limitersOf(context).limiterFor("users.add");
                for (int i = 0; i < 5; i++) {
                    assertThat(limiter.acquireReactive().block(Duration.ofSeconds(10))).isZero();
                }
                assertThat(context.getBean(MeterRegistry.class).get("ctera.ratelimiter.store.failures")
                    .tags("portal", "main", "limiter", "main").functionCounter().count()).isEqualTo(1.0);
            });
    }

    @Test
    void anAdaptiveLimiterCanBeToldNotToPauseOnRetryAfter() {
        this.runner.withPropertyValues("ctera.portals.main.rate-limit.strategy=adaptive",
                "ctera.portals.main.rate-limit.rate=10",
                "ctera.portals.main.rate-limit.operations.users.pause-on-retry-after=false")
            .run(context -> {
                RateLimitInterceptor limiters = limitersOf(context);
                AdaptiveStrategy portal = (AdaptiveStrategy) limiters.limiterFor("files.list").strategy();
                AdaptiveStrategy users = (AdaptiveStrategy) limiters.limiterFor("users.add").strategy();
                portal.onThrottled(Duration.ofSeconds(5));
                users.onThrottled(Duration.ofSeconds(5));
                assertThat(portal.reserve(Duration.ofSeconds(1).toNanos())).isEqualTo(RateLimitStrategy.REJECTED);
                assertThat(users.reserve(Duration.ofSeconds(1).toNanos())).isNotEqualTo(RateLimitStrategy.REJECTED);
            });
    }

    @Test
    void sharedWithoutADataSourceStopsStartupSayingWhatToAdd() {
        this.runner.withPropertyValues("ctera.portals.main.rate-limit.shared=jdbc").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message()
                .contains("rate limit 'main' has shared=jdbc").contains("spring-boot-starter-jdbc");
        });
    }

    @Test
    void sharedWithoutBucket4jPostgresStopsStartupNamingTheDependency() {
        this.withDataSource.withClassLoader(new FilteredClassLoader("io.github.bucket4j.postgresql"))
            .withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/postgres",
                    "ctera.portals.main.rate-limit.shared=jdbc")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().message()
                    .contains("com.bucket4j:bucket4j_jdk17-postgresql");
            });
    }

    @Test
    void sharedNeedsTheTokenBucketStrategy() {
        this.runner.withPropertyValues("ctera.portals.main.rate-limit.shared=jdbc",
                "ctera.portals.main.rate-limit.strategy=adaptive").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().message()
                        .contains("ctera.portals.main.rate-limit.shared=jdbc")
                        .contains("token-bucket, was 'adaptive'");
                });
    }

    @Test
    void badSharedValuesStopStartupNamingTheProperty() {
        this.runner.withPropertyValues("ctera.portals.main.rate-limit.shared=redis").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message()
                .contains("ctera.portals.main.rate-limit.shared must be none or jdbc, was 'redis'");
        });
        this.runner.withPropertyValues("ctera.portals.main.rate-limit.shared=jdbc",
                "ctera.portals.main.rate-limit.jdbc.table=buckets;drop").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().message()
                        .contains("ctera.portals.main.rate-limit.jdbc.table must be an SQL identifier");
                });
    }
}
