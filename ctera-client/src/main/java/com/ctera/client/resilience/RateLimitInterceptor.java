package com.ctera.client.resilience;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import com.ctera.client.CteraClientRefusal;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallEvents;
import com.ctera.client.pipeline.CallInterceptor;

/**
 * Takes one permit per attempt from the limiter of the call's operation group (the most specific of
 * {@code users.add}, {@code users}, ... that has one) or else the portal's limiter, and tells the strategy how the
 * attempt went: the portal's throttling answers slow an adaptive limiter down, successes let it recover.
 */
public final class RateLimitInterceptor implements CallInterceptor {

    private final CallRateLimiter portalLimiter;

    private final Map<String, CallRateLimiter> groupLimiters;

    /**
     * @param portalLimiter the limiter of every operation without a group limiter
     * @param groupLimiters limiters by operation group, such as {@code users} or {@code files.upload}
     */
    public RateLimitInterceptor(CallRateLimiter portalLimiter, Map<String, CallRateLimiter> groupLimiters) {
        this.portalLimiter = portalLimiter;
        this.groupLimiters = Map.copyOf(groupLimiters);
    }

    @Override
    public int order() {
        return RATE_LIMITER_ORDER;
    }

    /** The limiter that the operation's calls use. */
    public CallRateLimiter limiterFor(String operation) {
        if (this.groupLimiters.isEmpty()) {
            return this.portalLimiter;
        }
        for (String group = operation; !group.isEmpty(); group = parent(group)) {
            CallRateLimiter limiter = this.groupLimiters.get(group);
            if (limiter != null) {
                return limiter;
            }
        }
        return this.portalLimiter;
    }

    /** Every limiter of the portal, by name. */
    public Map<String, CallRateLimiter> limiters() {
        Map<String, CallRateLimiter> all = new LinkedHashMap<>();
        all.put(this.portalLimiter.name(), this.portalLimiter);
        this.groupLimiters.values().forEach(limiter -> all.put(limiter.name(), limiter));
        return all;
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        CallRateLimiter limiter = limiterFor(call.operation().name());
        RateLimitStrategy strategy = limiter.strategy();
        return Mono.defer(() -> {
            // When the permit was used: a strategy ignores refusals of calls sent before it last slowed down.
            long[] permitUsedAt = { strategy.clockNanos() };
            Mono<T> reported = reportedTo(strategy, next, permitUsedAt);
            Duration timeout = limiter.maxWait();
            Mono<Duration> permit;
            if (strategy.answersAtOnce()) {
                long wait = limiter.reserve(timeout);
                // The usual case, a permit at once, goes straight on: no wait to schedule and nothing to report.
                if (wait == 0) {
                    return reported;
                }
                permit = limiter.awaitReserved(wait, timeout);
            }
            else {
                permit = limiter.acquireReactive(timeout);
            }
            return permit.doOnNext(waited -> permitUsedAt[0] = strategy.clockNanos())
                .flatMap(waited -> waited.isZero() ? Mono.<Void>empty()
                        : CallEvents.notify(events -> events.rateLimited(waited)))
                .then(reported);
        });
    }

    /** The attempt, telling the strategy how it went; as it is for a strategy that learns nothing from answers. */
    private static <T> Mono<T> reportedTo(RateLimitStrategy strategy, Mono<T> attempt, long[] permitUsedAt) {
        if (strategy instanceof NoRateLimit) {
            return attempt;
        }
        return attempt.doOnSuccess(value -> strategy.onSuccess())
            .doOnError(CteraThrottledException.class, throttled -> {
                // The limiter's own refusal is not news about the portal.
                if (!(throttled instanceof CteraClientRefusal)) {
                    strategy.onThrottled(throttled.retryAfter().orElse(null), permitUsedAt[0]);
                }
            });
    }

    private static String parent(String group) {
        int dot = group.lastIndexOf('.');
        return (dot > 0) ? group.substring(0, dot) : "";
    }

    /** Convenience for one limiter shared by every operation. */
    public static RateLimitInterceptor of(CallRateLimiter limiter) {
        return new RateLimitInterceptor(limiter, Map.of());
    }
}
