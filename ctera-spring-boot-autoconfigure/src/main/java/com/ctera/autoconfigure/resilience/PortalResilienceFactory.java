package com.ctera.autoconfigure.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

import com.ctera.autoconfigure.client.LimitSettings;
import com.ctera.autoconfigure.client.ResilienceSettings;
import com.ctera.autoconfigure.client.SharedStoreSettings;
import com.ctera.client.resilience.AdaptiveStrategy;
import com.ctera.client.resilience.CallRateLimiter;
import com.ctera.client.resilience.CircuitBreakerInterceptor;
import com.ctera.client.resilience.DeadlineInterceptor;
import com.ctera.client.resilience.FixedWindowStrategy;
import com.ctera.client.resilience.JdbcBucketStore;
import com.ctera.client.resilience.JdbcTokenBucketStrategy;
import com.ctera.client.resilience.NoRateLimit;
import com.ctera.client.resilience.PortalResilience;
import com.ctera.client.resilience.RateLimitInterceptor;
import com.ctera.client.resilience.RateLimitStrategy;
import com.ctera.client.resilience.Resilience4jRateLimiterView;
import com.ctera.client.resilience.RetryInterceptor;
import com.ctera.client.resilience.SlidingWindowStrategy;
import com.ctera.client.resilience.TokenBucketStrategy;

/**
 * Builds the resilience stages of a portal from its settings. Breakers and limiters are put in the Resilience4j
 * registries when there are some (fixed windows as Resilience4j limiters, other strategies through a
 * {@link Resilience4jRateLimiterView}), so they show in {@code /actuator/circuitbreakers},
 * {@code /actuator/ratelimiters} and in Resilience4j's Micrometer metrics under the name {@code ctera-<name>}.
 */
final class PortalResilienceFactory {

    /** Prefix of the names of this starter's entries in the Resilience4j registries. */
    static final String REGISTRY_PREFIX = "ctera-";

    private static final String BUCKET4J_POSTGRESQL = "io.github.bucket4j.postgresql.Bucket4jPostgreSQL";

    private final @Nullable CircuitBreakerRegistry breakers;

    private final @Nullable RateLimiterRegistry rateLimiters;

    private final SharedLimitDataSources dataSources;

    PortalResilienceFactory(@Nullable CircuitBreakerRegistry breakers,
            @Nullable RateLimiterRegistry rateLimiters) {
        this(breakers, rateLimiters, SharedLimitDataSources.NONE);
    }

    /** With the DataSources that {@code shared: jdbc} limits keep their buckets in. */
    PortalResilienceFactory(@Nullable CircuitBreakerRegistry breakers,
            @Nullable RateLimiterRegistry rateLimiters, SharedLimitDataSources dataSources) {
        this.breakers = breakers;
        this.rateLimiters = rateLimiters;
        this.dataSources = dataSources;
    }

    /** The stages of the portal; absent ones are null in the result. */
    PortalResilience create(String portalName, ResilienceSettings settings) {
        DeadlineInterceptor deadline = (settings.overallDeadline() != null)
                ? new DeadlineInterceptor(settings.overallDeadline()) : null;
        RetryInterceptor retry = (settings.retry() != null) ? new RetryInterceptor(settings.retry()) : null;
        CircuitBreakerInterceptor breaker = (settings.circuitBreaker() != null)
                ? new CircuitBreakerInterceptor(breaker(portalName, settings.circuitBreaker())) : null;
        return new PortalResilience(portalName, deadline, retry, breaker, rateLimit(portalName, settings),
                settings.breakerAffectsHealth());
    }

    private @Nullable RateLimitInterceptor rateLimit(String portalName, ResilienceSettings settings) {
        boolean groupsLimited = settings.operationLimits().values().stream().anyMatch(limit -> !limit.isNone());
        if (settings.rateLimit().isNone() && !groupsLimited) {
            return null;
        }
        Map<String, CallRateLimiter> groups = new LinkedHashMap<>();
        settings.operationLimits()
            .forEach((group, limit) -> groups.put(group, limiter(portalName + "." + group, limit)));
        return new RateLimitInterceptor(limiter(portalName, settings.rateLimit()), groups);
    }

    /** A limiter named {@code name} with these settings. */
    CallRateLimiter limiter(String name, LimitSettings limit) {
        SharedStoreSettings shared = limit.shared();
        RateLimitStrategy strategy = (shared != null) ? sharedBucket(name, limit, shared) : switch (limit.strategy()) {
            case "token-bucket" -> new TokenBucketStrategy(limit.rate(), limit.burst());
            case "fixed-window" -> new FixedWindowStrategy(fixedWindow(name, limit));
            case "sliding-window" -> new SlidingWindowStrategy(limit.limit(), limit.window());
            case "adaptive" -> new AdaptiveStrategy(limit.rate(), limit.burst(), limit.minRate(),
                    limit.pauseOnRetryAfter(), System::nanoTime);
            default -> new NoRateLimit();
        };
        CallRateLimiter limiter = new CallRateLimiter(name, strategy, limit.maxWait());
        if (this.rateLimiters != null && !(strategy instanceof FixedWindowStrategy)
                && !(strategy instanceof NoRateLimit)) {
            // The registry only creates its own limiters: add a placeholder, then put the view in its place.
            String registryName = REGISTRY_PREFIX + name;
            this.rateLimiters.rateLimiter(registryName);
            this.rateLimiters.replace(registryName, new Resilience4jRateLimiterView(registryName, limiter));
        }
        return limiter;
    }

    private RateLimitStrategy sharedBucket(String name, LimitSettings limit, SharedStoreSettings shared) {
        if (!ClassUtils.isPresent(BUCKET4J_POSTGRESQL, getClass().getClassLoader())) {
            throw new IllegalStateException("Invalid CTERA configuration: rate limit '" + name + "' has shared=jdbc, "
                    + "which needs com.bucket4j:bucket4j_jdk17-postgresql on the classpath");
        }
        JdbcBucketStore store = new JdbcBucketStore(this.dataSources.find(shared.dataSource(), name), shared.table(),
                shared.requestTimeout(), shared.retryInterval(), shared.createTable());
        return new JdbcTokenBucketStrategy(name, limit.rate(), limit.burst(), store);
    }

    private RateLimiter fixedWindow(String name, LimitSettings limit) {
        RateLimiterConfig config = FixedWindowStrategy.config(limit.limit(), limit.window(), limit.maxWait());
        return (this.rateLimiters != null) ? this.rateLimiters.rateLimiter(REGISTRY_PREFIX + name, config)
                : RateLimiter.of(REGISTRY_PREFIX + name, config);
    }

    private CircuitBreaker breaker(String portalName, CircuitBreakerConfig config) {
        return (this.breakers != null) ? this.breakers.circuitBreaker(REGISTRY_PREFIX + portalName, config)
                : CircuitBreaker.of(REGISTRY_PREFIX + portalName, config);
    }
}
