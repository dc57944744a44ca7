package com.ctera.client.observation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import com.ctera.client.CteraOperation;

/**
 * {@link CallMetrics} as Micrometer meters. Tags are the portal and the operation (plus the outcome for retries, the
 * direction for bytes, the kind for logins): never a path, an id or a user name.
 * <ul>
 * <li>{@value #RETRIES}: distribution summary, one sample per call, the number of retries (0 when none)</li>
 * <li>{@value #RATE_LIMITER_WAIT}: timer, one sample per wait of the rate limiter</li>
 * <li>{@value #TRANSFER}: counter in bytes, tag {@code direction} = {@code sent} | {@code received}</li>
 * <li>{@value #LOGINS}: counter, tag {@code kind} = {@code initial} | {@code renewal}</li>
 * </ul>
 * The per-call summary of retries is looked up once per portal, operation and outcome and then kept: building its
 * tags and finding it in the registry on every call cost more than recording the sample.
 */
public final class MicrometerCallMetrics implements CallMetrics {

    /** Retries per call. */
    public static final String RETRIES = "ctera.client.requests.retries";

    /** Time spent waiting for a rate-limiter permit. */
    public static final String RATE_LIMITER_WAIT = "ctera.client.ratelimiter.wait";

    /** File content moved. */
    public static final String TRANSFER = "ctera.client.transfer";

    /** Logins and re-logins. */
    public static final String LOGINS = "ctera.client.logins";

    private static final int RETRIES_SLOTS = 64;

    private final MeterProvider<DistributionSummary> retries;

    private final MeterProvider<Timer> rateLimiterWait;

    private final MeterProvider<Counter> transfer;

    private final MeterProvider<Counter> logins;

    private final Map<RetriesKey, DistributionSummary> retriesByCall = new ConcurrentHashMap<>();

    // Each slot filled once, with an immutable entry: a reader sees a whole entry or none.
    private final Object[] retriesByIdentity = new Object[RETRIES_SLOTS];

    /** Meters registered in {@code registry}. */
    public MicrometerCallMetrics(MeterRegistry registry) {
        this.retries = DistributionSummary.builder(RETRIES)
            .description("Times a portal call was repeated after its first attempt")
            .withRegistry(registry);
        this.rateLimiterWait = Timer.builder(RATE_LIMITER_WAIT)
            .description("Time portal calls waited for a rate-limiter permit")
            .withRegistry(registry);
        this.transfer = Counter.builder(TRANSFER)
            .baseUnit("bytes")
            .description("File content moved to or from the portal")
            .withRegistry(registry);
        this.logins = Counter.builder(LOGINS).description("Logins to the portal, first or renewal").withRegistry(registry);
    }

    @Override
    public void rateLimited(CteraRequestContext call, Duration waited) {
        this.rateLimiterWait.withTags(callTags(call)).record(waited);
    }

    @Override
    public void transferred(CteraRequestContext call, long bytesSent, long bytesReceived) {
        if (bytesSent > 0) {
            this.transfer.withTags(callTags(call).and("direction", "sent")).increment(bytesSent);
        }
        if (bytesReceived > 0) {
            this.transfer.withTags(callTags(call).and("direction", "received")).increment(bytesReceived);
        }
    }

    @Override
    public void loggedIn(CteraRequestContext call, boolean renewal) {
        this.logins.withTags("portal", call.portalName(), "kind", renewal ? "renewal" : "initial").increment();
    }

    @Override
    public void completed(CteraRequestContext call) {
        String portal = call.portalName();
        CteraOperation operation = call.operation();
        String outcome = call.outcome();
        // Portal names, operations and outcomes are the same few objects call after call: found by identity first,
        // with no key to build and hash.
        int slot = (31 * (31 * System.identityHashCode(portal) + System.identityHashCode(operation))
                + System.identityHashCode(outcome)) & (RETRIES_SLOTS - 1);
        Object seen = this.retriesByIdentity[slot];
        if (seen instanceof KeptRetries kept && kept.portal() == portal && kept.operation() == operation
                && kept.outcome() == outcome) {
            kept.summary().record(call.retries());
            return;
        }
        DistributionSummary summary = retriesOf(new RetriesKey(portal, operation.name(), outcome));
        if (seen == null) {
            this.retriesByIdentity[slot] = new KeptRetries(portal, operation, outcome, summary);
        }
        summary.record(call.retries());
    }

    private DistributionSummary retriesOf(RetriesKey key) {
        DistributionSummary summary = this.retriesByCall.get(key);
        if (summary == null) {
            summary = this.retriesByCall.computeIfAbsent(key, (absent) -> this.retries
                .withTags("portal", absent.portal(), "operation", absent.operation(), "outcome", absent.outcome()));
        }
        return summary;
    }

    private static Tags callTags(CteraRequestContext call) {
        return Tags.of("portal", call.portalName(), "operation", call.operation().name());
    }

    /** The tags of one retries summary; the outcome is one of a handful of words, so the map stays small. */
    private record RetriesKey(String portal, String operation, String outcome) {
    }

    /** A retries summary with the objects it was last found for. */
    private record KeptRetries(String portal, CteraOperation operation, String outcome, DistributionSummary summary) {
    }
}
