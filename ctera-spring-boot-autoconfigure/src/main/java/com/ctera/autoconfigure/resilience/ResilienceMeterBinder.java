package com.ctera.autoconfigure.resilience;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import com.ctera.client.resilience.CallRateLimiter;
import com.ctera.client.resilience.JdbcTokenBucketStrategy;
import com.ctera.client.resilience.PortalResilience;
import com.ctera.client.resilience.RetryInterceptor;

/**
 * Micrometer meters for the state Resilience4j does not report itself: every limiter (available permits, waiting
 * callers, rejections, current rate, whatever its strategy) and the retry stage (budget, retries, read-backs).
 */
final class ResilienceMeterBinder implements PortalResilienceListener {

    private final MeterRegistry registry;

    ResilienceMeterBinder(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void created(PortalResilience resilience) {
        if (resilience.rateLimit() != null) {
            resilience.rateLimit().limiters().values().forEach(limiter -> bind(resilience.portalName(), limiter));
        }
        if (resilience.retry() != null) {
            bind(resilience.portalName(), resilience.retry());
        }
    }

    private void bind(String portal, CallRateLimiter limiter) {
        Tags tags = Tags.of("portal", portal, "limiter", limiter.name(), "strategy", limiter.strategy().kind());
        Gauge.builder("ctera.ratelimiter.available.permits", limiter,
                l -> (double) Math.min(l.strategy().availablePermits(), Integer.MAX_VALUE))
            .description("Permits that could be taken at once")
            .tags(tags).strongReference(true).register(this.registry);
        Gauge.builder("ctera.ratelimiter.waiting.callers", limiter, CallRateLimiter::waitingCallers)
            .description("Calls waiting for a reserved permit")
            .tags(tags).strongReference(true).register(this.registry);
        Gauge.builder("ctera.ratelimiter.rate", limiter, l -> l.strategy().currentRate())
            .description("Permits per second the limiter allows now (adaptive: the current rate)")
            .tags(tags).strongReference(true).register(this.registry);
        FunctionCounter.builder("ctera.ratelimiter.rejections", limiter, CallRateLimiter::rejections)
            .description("Calls refused because no permit came within their wait")
            .tags(tags).register(this.registry);
        if (limiter.strategy() instanceof JdbcTokenBucketStrategy shared) {
            FunctionCounter.builder("ctera.ratelimiter.store.failures", shared, JdbcTokenBucketStrategy::storeFailures)
                .description("Requests to the shared limit's store that failed; their calls went ahead unlimited")
                .tags(Tags.of("portal", portal, "limiter", limiter.name())).register(this.registry);
        }
    }

    private void bind(String portal, RetryInterceptor retry) {
        Tags tags = Tags.of("portal", portal);
        Gauge.builder("ctera.retry.budget.available", retry, r -> r.budget().available())
            .description("Tokens left in the retry budget").tags(tags).strongReference(true).register(this.registry);
        FunctionCounter.builder("ctera.retry.budget.exhaustions", retry, r -> r.budget().exhaustions())
            .description("Retries refused because the budget was empty").tags(tags).register(this.registry);
        FunctionCounter.builder("ctera.retry.retries", retry, RetryInterceptor::retries)
            .description("Attempts repeated after a retryable failure").tags(tags).register(this.registry);
        FunctionCounter.builder("ctera.retry.readbacks.took.effect", retry, RetryInterceptor::readBacksTookEffect)
            .description("Lost answers that a read-back showed had taken effect").tags(tags).register(this.registry);
    }
}
