package com.ctera.client.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import com.ctera.client.CteraOperation;
import com.ctera.client.observation.CteraObservationDocumentation.HighCardinalityKeys;
import com.ctera.client.observation.CteraObservationDocumentation.LowCardinalityKeys;
import com.ctera.client.pipeline.CallContext;

/**
 * The standard naming of portal calls: observation {@code ctera.client.requests}, span {@code ctera <operation>},
 * tags {@code portal}, {@code operation}, {@code outcome}, {@code status} and {@code error.type}. Designed for
 * extension: override a method to change one key and keep the others.
 *
 * <p>Building the tags cost more than the rest of the observation, so this class (not a subclass, which may compute
 * any key differently) keeps the tags of a successful call per portal and operation, and the retries key for the
 * first few counts: every successful call of an operation has the same ones.
 */
public class DefaultCteraObservationConvention implements CteraObservationConvention {

    /** The observation's name, and so the metric's: {@code ctera_client_requests_seconds} in Prometheus. */
    public static final String NAME = "ctera.client.requests";

    private static final String NO_STATUS = "none";

    /** Retry counts whose high-cardinality key is built once; more retries than this are rare. */
    private static final int KEPT_RETRY_COUNTS = 8;

    /** Operations whose span name is kept; the client has a few dozen. */
    private static final int MAX_KEPT_NAMES = 256;

    private static final KeyValues[] RETRIES_KEYS = new KeyValues[KEPT_RETRY_COUNTS];

    static {
        for (int i = 0; i < KEPT_RETRY_COUNTS; i++) {
            RETRIES_KEYS[i] = KeyValues.of(HighCardinalityKeys.RETRIES.withValue(Integer.toString(i)));
        }
    }

    private final boolean keepsTags = getClass() == DefaultCteraObservationConvention.class;

    private final Map<CallContext, KeyValues> successTags = new ConcurrentHashMap<>();

    private final Map<CallContext, KeyValues> runningTags = new ConcurrentHashMap<>();

    private final Map<CteraOperation, String> contextualNames = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(CteraRequestContext context) {
        // Asked at the start and at the end of every call; operations are a fixed handful.
        CteraOperation operation = context.operation();
        String kept = this.contextualNames.get(operation);
        if (kept == null) {
            kept = "ctera " + operation.name();
            if (this.contextualNames.size() < MAX_KEPT_NAMES) {
                this.contextualNames.putIfAbsent(operation, kept);
            }
        }
        return kept;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CteraRequestContext context) {
        if (this.keepsTags && context.getError() == null) {
            // Asked once when the call starts and once when it ends: both answers are the same for every call.
            if (context.isSucceeded()) {
                return kept(this.successTags, context);
            }
            if (!context.isCompleted()) {
                return kept(this.runningTags, context);
            }
        }
        return lowCardinalityKeyValues(context);
    }

    private KeyValues kept(Map<CallContext, KeyValues> tags, CteraRequestContext context) {
        KeyValues kept = tags.get(context.call());
        if (kept != null) {
            return kept;
        }
        KeyValues built = lowCardinalityKeyValues(context);
        // Portals and operations are few and fixed, so the map stays as small as the set of calls in use.
        tags.putIfAbsent(context.call(), built);
        return built;
    }

    private KeyValues lowCardinalityKeyValues(CteraRequestContext context) {
        return KeyValues.of(portal(context), operation(context), outcome(context), status(context),
                errorType(context));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(CteraRequestContext context) {
        int retries = context.retries();
        if (retries >= 0 && retries < KEPT_RETRY_COUNTS) {
            return RETRIES_KEYS[retries];
        }
        return KeyValues.of(HighCardinalityKeys.RETRIES.withValue(Integer.toString(retries)));
    }

    protected KeyValue portal(CteraRequestContext context) {
        return LowCardinalityKeys.PORTAL.withValue(context.portalName());
    }

    protected KeyValue operation(CteraRequestContext context) {
        return LowCardinalityKeys.OPERATION.withValue(context.operation().name());
    }

    protected KeyValue outcome(CteraRequestContext context) {
        return LowCardinalityKeys.OUTCOME.withValue(context.outcome());
    }

    protected KeyValue status(CteraRequestContext context) {
        int status = context.status();
        return LowCardinalityKeys.STATUS.withValue((status > 0) ? Integer.toString(status) : NO_STATUS);
    }

    protected KeyValue errorType(CteraRequestContext context) {
        return LowCardinalityKeys.ERROR_TYPE.withValue(context.errorType().value());
    }
}
