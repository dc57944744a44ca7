package com.ctera.client.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraRateLimitedException;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter stage: non-blocking waits, rejections, group limiters, and the adaptive feedback loop. */
class RateLimitInterceptorTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void reactiveCallersWaitOnATimerInReservationOrder() {
        StepVerifier.withVirtualTime(() -> {
            VirtualTimeScheduler time = VirtualTimeScheduler.get();
            CallRateLimiter limiter = new CallRateLimiter("t", new TokenBucketStrategy(10, 1, () -> this.now.get()),
                    Duration.ofSeconds(1), time);
            return Flux.range(0, 3).concatMap(i -> limiter.acquireReactive());
        })
            .expectNext(Duration.ZERO)
            .expectNoEvent(Duration.ofMillis(99))
            .thenAwait(Duration.ofMillis(1))
            .expectNext(Duration.ofMillis(100))
            .thenAwait(Duration.ofMillis(200))
            .expectNextCount(1)
            .verifyComplete();
    }

    @Test
    void waitingCallersAndRejectionsAreCounted() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        CallRateLimiter limiter = new CallRateLimiter("t", new TokenBucketStrategy(1, 1, this.now::get),
                Duration.ofMillis(1500), time);
        limiter.acquireReactive().block(Duration.ofSeconds(1));
        List<Duration> waited = new ArrayList<>();
        limiter.acquireReactive().subscribe(waited::add);
        assertThat(limiter.waitingCallers()).isEqualTo(1);
        StepVerifier.create(limiter.acquireReactive()).expectError(CteraThrottledException.class).verify();
        assertThat(limiter.rejections()).isEqualTo(1);
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(waited).containsExactly(Duration.ofSeconds(1));
        assertThat(limiter.waitingCallers()).isZero();
        assertThat(limiter.describe()).containsEntry("strategy", "token-bucket").containsEntry("rejections", 1L);
    }

    @Test
    void theMostSpecificGroupLimiterServesAnOperation() {
        CallRateLimiter portal = new CallRateLimiter("main", new NoRateLimit(), Duration.ZERO);
        CallRateLimiter users = new CallRateLimiter("main.users", new NoRateLimit(), Duration.ZERO);
        CallRateLimiter adds = new CallRateLimiter("main.users.add", new NoRateLimit(), Duration.ZERO);
        RateLimitInterceptor stage = new RateLimitInterceptor(portal, Map.of("users", users, "users.add", adds));
        assertThat(stage.limiterFor("users.add")).isSameAs(adds);
        assertThat(stage.limiterFor("users.query")).isSameAs(users);
        assertThat(stage.limiterFor("devices.query")).isSameAs(portal);
        assertThat(stage.limiters()).containsOnlyKeys("main", "main.users", "main.users.add");
    }

    @Test
    void thePortalsThrottlingSlowsTheAdaptiveLimiterAndItsRetryAfterPausesEveryone() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(100, 100, 1, this.now::get);
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        RateLimitInterceptor stage = RateLimitInterceptor.of(new CallRateLimiter("main", adaptive,
                Duration.ofSeconds(10), time));
        CallContext call = new CallContext("main", new CteraOperation("users.query", true));
        Mono<String> throttled = Mono.error(new CteraThrottledException("users.query", 429, "slow down",
                Duration.ofSeconds(3), null));
        StepVerifier.create(stage.intercept(call, throttled)).expectError(CteraThrottledException.class).verify();
        assertThat(adaptive.currentRate()).isEqualTo(70.0);
        assertThat(adaptive.reserve(Duration.ofSeconds(10).toNanos())).isEqualTo(Duration.ofSeconds(3).toNanos());
        // A refusal by the client's own limiter (a CteraClientRefusal) is not news about the portal.
        Mono<String> refused = Mono.error(new CteraRateLimitedException("main", "no permit", Duration.ZERO, null));
        // This call waits out the pause (on the virtual clock) before it reaches the refusal.
        StepVerifier.create(stage.intercept(call, refused))
            .then(() -> time.advanceTimeBy(Duration.ofSeconds(4)))
            .expectError(CteraThrottledException.class)
            .verify(Duration.ofSeconds(5));
        assertThat(adaptive.throttles()).isEqualTo(1);
    }

    @Test
    void aWaitIsReportedToTheCallsWatcher() {
        AtomicInteger reports = new AtomicInteger();
        CallEvents events = new CallEvents() {
            @Override
            public void rateLimited(Duration waited) {
                reports.incrementAndGet();
            }
        };
        StepVerifier.withVirtualTime(() -> {
            CallRateLimiter limiter = new CallRateLimiter("t", new TokenBucketStrategy(1, 1, this.now::get),
                    Duration.ofSeconds(5), VirtualTimeScheduler.get());
            RateLimitInterceptor stage = RateLimitInterceptor.of(limiter);
            CallContext call = new CallContext("t", new CteraOperation("users.query", true));
            return Flux.range(0, 2).concatMap(i -> stage.intercept(call, Mono.just("ok")))
                .contextWrite(context -> context.put(CallEvents.CONTEXT_KEY, events));
        }).expectNext("ok").thenAwait(Duration.ofSeconds(1)).expectNext("ok").verifyComplete();
        assertThat(reports).hasValue(1);
    }

    @Test
    void anImmediatePermitIsCountedAndTheCallGoesOnWithoutAReport() {
        AtomicInteger reports = new AtomicInteger();
        CallEvents events = new CallEvents() {
            @Override
            public void rateLimited(Duration waited) {
                reports.incrementAndGet();
            }
        };
        CallRateLimiter limiter = new CallRateLimiter("t", new NoRateLimit(), Duration.ofSeconds(1));
        RateLimitInterceptor stage = RateLimitInterceptor.of(limiter);
        CallContext call = new CallContext("t", new CteraOperation("users.get", true));
        AtomicInteger subscriptions = new AtomicInteger();
        Mono<String> attempt = Mono.fromSupplier(() -> "ok-" + subscriptions.incrementAndGet());
        Mono<String> limited = stage.intercept(call, attempt)
            .contextWrite(context -> context.put(CallEvents.CONTEXT_KEY, events));
        // Each subscription (a retry subscribes again) takes its own permit.
        assertThat(limited.block(Duration.ofSeconds(1))).isEqualTo("ok-1");
        assertThat(limited.block(Duration.ofSeconds(1))).isEqualTo("ok-2");
        assertThat(limiter.granted()).isEqualTo(2);
        assertThat(reports).hasValue(0);
        assertThat(stage.limiterFor("users.get")).isSameAs(limiter);
    }

    @Test
    void aLearningStrategyHearsOfEverySuccessAndThrottlingEvenWithImmediatePermits() {
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger throttlings = new AtomicInteger();
        RateLimitStrategy learning = new RateLimitStrategy() {
            @Override
            public long reserve(long maxWaitNanos) {
                return 0;
            }

            @Override
            public long availablePermits() {
                return 1;
            }

            @Override
            public double currentRate() {
                return 1;
            }

            @Override
            public String kind() {
                return "learning";
            }

            @Override
            public void onSuccess() {
                successes.incrementAndGet();
            }

            @Override
            public void onThrottled(Duration retryAfter) {
                throttlings.incrementAndGet();
            }
        };
        RateLimitInterceptor stage = RateLimitInterceptor.of(new CallRateLimiter("t", learning, Duration.ZERO));
        CallContext call = new CallContext("t", new CteraOperation("users.get", true));
        assertThat(stage.intercept(call, Mono.just("ok")).block(Duration.ofSeconds(1))).isEqualTo("ok");
        StepVerifier.create(stage.intercept(call, Mono.error(new CteraThrottledException("users.get", 429, "slow",
                Duration.ofSeconds(1), null)))).expectError(CteraThrottledException.class).verify(Duration.ofSeconds(1));
        assertThat(successes).hasValue(1);
        assertThat(throttlings).hasValue(1);
    }

    @Test
    void theResilience4jViewHandsOutTheLimitersOwnPermits() {
        CallRateLimiter limiter = new CallRateLimiter("main", new TokenBucketStrategy(2, 2, this.now::get),
                Duration.ZERO);
        Resilience4jRateLimiterView view = new Resilience4jRateLimiterView("ctera-main", limiter);
        assertThat(view.getRateLimiterConfig().getLimitForPeriod()).isEqualTo(2);
        assertThat(view.getMetrics().getAvailablePermissions()).isEqualTo(2);
        assertThat(view.reservePermission()).isZero();
        assertThat(view.acquirePermission()).isTrue();
        assertThat(view.acquirePermission()).isFalse();
        assertThat(view.reservePermission()).isEqualTo(-1);
        assertThat(limiter.granted()).isEqualTo(2);
        assertThat(limiter.rejections()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> view.changeLimitForPeriod(5))
            .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("ctera properties");
    }
}
