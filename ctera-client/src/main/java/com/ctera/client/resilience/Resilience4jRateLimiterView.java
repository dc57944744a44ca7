package com.ctera.client.resilience;

import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.core.EventConsumer;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.event.RateLimiterEvent;
import io.github.resilience4j.ratelimiter.event.RateLimiterOnFailureEvent;
import io.github.resilience4j.ratelimiter.event.RateLimiterOnSuccessEvent;

/**
 * Shows a {@link CallRateLimiter} of any strategy as a Resilience4j {@link RateLimiter}, so that token-bucket,
 * sliding-window and adaptive limiters appear in Resilience4j's registry, its {@code /actuator/ratelimiters} endpoint
 * and its Micrometer metrics next to the fixed windows. Permits taken through it are real permits of the limiter.
 * Its configuration is a snapshot: {@code limitForPeriod} is the current rate per second, rounded. It publishes no
 * events, and its limits cannot be changed through it.
 */
public final class Resilience4jRateLimiterView implements RateLimiter {

    private final String name;

    private final CallRateLimiter limiter;

    private final EventPublisher events = new SilentEventPublisher();

    public Resilience4jRateLimiterView(String name, CallRateLimiter limiter) {
        this.name = name;
        this.limiter = limiter;
    }

    /** The limiter behind the view. */
    public CallRateLimiter limiter() {
        return this.limiter;
    }

    @Override
    public void changeTimeoutDuration(Duration timeoutDuration) {
        throw new UnsupportedOperationException("The limit of '" + this.name + "' is set by its ctera properties");
    }

    @Override
    public void changeLimitForPeriod(int limitForPeriod) {
        throw new UnsupportedOperationException("The limit of '" + this.name + "' is set by its ctera properties");
    }

    @Override
    public boolean acquirePermission(int permits) {
        for (int i = 0; i < permits; i++) {
            if (!this.limiter.tryAcquire(this.limiter.maxWait())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long reservePermission(int permits) {
        long longest = 0;
        for (int i = 0; i < permits; i++) {
            long wait = this.limiter.reserve(this.limiter.maxWait());
            if (wait == RateLimitStrategy.REJECTED) {
                return -1;
            }
            longest = Math.max(longest, wait);
        }
        return longest;
    }

    @Override
    public void drainPermissions() {
        // The strategies have no notion of draining; a throttling answer already slows an adaptive limiter.
    }

    @Override
    public String getName() {
        return this.name;
    }

    @Override
    public RateLimiterConfig getRateLimiterConfig() {
        double rate = this.limiter.strategy().currentRate();
        int perSecond = Double.isInfinite(rate) ? Integer.MAX_VALUE : (int) Math.max(1, Math.round(rate));
        return RateLimiterConfig.custom()
            .limitForPeriod(perSecond)
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(this.limiter.maxWait())
            .build();
    }

    @Override
    public Map<String, String> getTags() {
        return Map.of("strategy", this.limiter.strategy().kind());
    }

    @Override
    public Metrics getMetrics() {
        return new Metrics() {

            @Override
            public int getNumberOfWaitingThreads() {
                return Resilience4jRateLimiterView.this.limiter.waitingCallers();
            }

            @Override
            public int getAvailablePermissions() {
                long available = Resilience4jRateLimiterView.this.limiter.strategy().availablePermits();
                return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, available));
            }
        };
    }

    @Override
    public EventPublisher getEventPublisher() {
        return this.events;
    }

    @Override
    public String toString() {
        return "Resilience4jRateLimiterView[" + this.name + ", " + this.limiter.strategy().kind() + "]";
    }

    /** Accepts consumers and never calls them: the view has no events of its own. */
    private static final class SilentEventPublisher implements EventPublisher {

        @Override
        public EventPublisher onSuccess(EventConsumer<RateLimiterOnSuccessEvent> consumer) {
            return this;
        }

        @Override
        public EventPublisher onFailure(EventConsumer<RateLimiterOnFailureEvent> consumer) {
            return this;
        }

        @Override
        public void onEvent(EventConsumer<RateLimiterEvent> consumer) {
        }
    }
}
