package com.ctera.autoconfigure.resilience;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.annotation.Retryable;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraServerException;
import com.ctera.client.CteraThrottledException;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.test.CteraPortalTest;
import com.ctera.simulator.FaultRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The original feature set's decorators in Spring form: Resilience4j's {@code @RateLimiter(name = "ctera-<portal>")}
 * on application methods spends the portal's own budget, and Spring Framework's retry ({@code RetryTemplate} with
 * the starter's {@code cteraRetryPolicy}, {@code @Retryable} with {@link CteraRetryPredicate}) repeats exactly what
 * the client calls retryable.
 */
@CteraPortalTest
class ApplicationDecoratorsTests {

    private final CteraPortalSimulator simulator;

    private final ApplicationContextRunner runner;

    ApplicationDecoratorsTests(CteraPortalSimulator simulator) {
        this.simulator = simulator;
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                    CteraResilienceAutoConfiguration.class))
            .withPropertyValues("ctera.simulator.enabled=false", "ctera.portals.main.url=" + simulator.baseUrl(),
                    "ctera.portals.main.username=" + simulator.adminCredentials().username(),
                    "ctera.portals.main.password=" + simulator.adminCredentials().password());
    }




    @Test
    void annotatedMethodsAndPortalCallsShareOneBudget() {
        // Three permits and practically no refill: whoever takes them, the fourth is refused.
        this.runner
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, RateLimiterAutoConfiguration.class))
            .withUserConfiguration(RateLimitedJob.class)
            .withPropertyValues("ctera.portals.main.rate-limit.strategy=token-bucket",
                    "ctera.portals.main.rate-limit.rate=0.001", "ctera.portals.main.rate-limit.burst=3",
                    "ctera.portals.main.rate-limit.max-wait=0s", "ctera.portals.main.retry.enabled=false")
            .run((context) -> {
                CteraPortal portal = context.getBean(CteraPortal.class);
                ReportJob job = context.getBean(ReportJob.class);
                portal.reactive().checkSession().block();
                assertThat(job.run()).isEqualTo(1);
                assertThat(job.run()).isEqualTo(2);
                assertThatExceptionOfType(RequestNotPermitted.class).isThrownBy(job::run)
                    .withMessageContaining("ctera-main");
                assertThatExceptionOfType(CteraThrottledException.class)
                    .isThrownBy(() -> portal.reactive().checkSession().block());
                assertThat(job.runs()).isEqualTo(2);
            });
    }

    @Test
    void retryTemplateRepeatsWhatTheClientCallsRetryable() {
        this.runner.withPropertyValues("ctera.defaults.retry.base-delay=5ms", "ctera.defaults.retry.max-attempts=3",
                "ctera.portals.main.retry.enabled=false").run((context) -> {
                    CteraPortal portal = context.getBean(CteraPortal.class);
                    RetryTemplate retry = new RetryTemplate(context.getBean("cteraRetryPolicy", RetryPolicy.class));
                    portal.reactive().checkSession().block();
                    this.simulator.requests().reset();
                    this.simulator.faults().inject(FaultRule.forOperation("currentSession").status(500).times(2));
                    assertThat(retry.execute(() -> portal.reactive().checkSession().block())).isNotNull();
                    assertThat(this.simulator.requests().count("currentSession")).isEqualTo(3);

                    this.simulator.requests().reset();
                    this.simulator.faults().inject(FaultRule.forOperation("currentSession").status(404).times(1));
                    assertThatExceptionOfType(RetryException.class)
                        .isThrownBy(() -> retry.execute(() -> portal.reactive().checkSession().block()))
                        .withCauseInstanceOf(CteraNotFoundException.class);
                    assertThat(this.simulator.requests().count("currentSession")).isEqualTo(1);
                });
    }

    @Test
    void retryableMethodsRepeatWhatTheClientCallsRetryable() {
        this.runner.withUserConfiguration(RetryingJob.class).withPropertyValues("ctera.portals.main.retry.enabled=false")
            .run((context) -> {
                SessionCheck check = context.getBean(SessionCheck.class);
                context.getBean(CteraPortal.class).reactive().checkSession().block();
                this.simulator.requests().reset();
                this.simulator.faults().inject(FaultRule.forOperation("currentSession").status(502).times(2));
                check.run();
                assertThat(this.simulator.requests().count("currentSession")).isEqualTo(3);

                this.simulator.requests().reset();
                this.simulator.faults().inject(FaultRule.forOperation("currentSession").status(501).times(1));
                assertThatExceptionOfType(CteraServerException.class).isThrownBy(check::run);
                assertThat(this.simulator.requests().count("currentSession")).isEqualTo(1);
            });
    }

    @Test
    void onlyPortalFailuresTheClientWouldRetryAreRetried() {
        assertThat(CteraRetryPredicate.isRetryable(new IllegalStateException("application bug"))).isFalse();
        assertThat(CteraRetryPredicate.isRetryable(new IllegalStateException("wrapped",
                new CteraServerException("users.query", 503, "unavailable", null)))).isTrue();
        assertThat(CteraRetryPredicate.isRetryable(new CteraNotFoundException("users.get", 404, "no", null)))
            .isFalse();
    }

    /** An application job whose method takes the portal's permits. */
    public static class ReportJob {

        private final AtomicInteger runs = new AtomicInteger();

        @RateLimiter(name = "ctera-main")
        public int run() {
            return this.runs.incrementAndGet();
        }

        public int runs() {
            return this.runs.get();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RateLimitedJob {

        @Bean
        ReportJob reportJob() {
            return new ReportJob();
        }
    }

    /** Application work around a portal call, repeated by Spring's @Retryable. */
    public static class SessionCheck {

        final CteraPortal portal;

        SessionCheck(CteraPortal portal) {
            this.portal = portal;
        }

        @Retryable(predicate = CteraRetryPredicate.class, maxRetries = 3, delay = 5)
        public void run() {
            this.portal.reactive().checkSession().block();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableResilientMethods
    static class RetryingJob {

        @Bean
        SessionCheck sessionCheck(@Qualifier("main") CteraPortal portal) {
            return new SessionCheck(portal);
        }
    }
}
