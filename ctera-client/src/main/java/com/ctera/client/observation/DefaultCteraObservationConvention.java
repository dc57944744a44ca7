package com.ctera.client.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

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

    /** Slots of the table that finds a call's naming by the identity of its portal name and operation. */
    private static final int NAMING_SLOTS = 64;

    /** Operations whose span name is kept; the client has a few dozen. */
    private static final int MAX_KEPT_NAMES = 256;

    private static final KeyValues[] RETRIES_KEYS = new KeyValues[KEPT_RETRY_COUNTS];

    static {
        for (int i = 0; i < KEPT_RETRY_COUNTS; i++) {
            RETRIES_KEYS[i] = KeyValues.of(HighCardinalityKeys.RETRIES.withValue(Integer.toString(i)));
        }
    }

    private final boolean keepsTags = getClass() == DefaultCteraObservationConvention.class;

    private final Map<CallContext, KeptNaming> kept = new ConcurrentHashMap<>();

    // Written without locking: a KeptNaming's identity fields are final, so a reader sees a whole one or none.
    private final KeptNaming[] namingByIdentity = new KeptNaming[NAMING_SLOTS];

    private final Map<CteraOperation, String> contextualNames = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(CteraRequestContext context) {
        if (context.namingMemo() instanceof KeptNaming naming && naming.convention == this) {
            return naming.contextualName;
        }
        // Asked at the end of every call; operations are a fixed handful.
        CteraOperation operation = context.operation();
        String kept = this.contextualNames.get(operation);
        if (kept == null) {
            kept = spanName(operation);
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
                return naming(context).tags(context, true);
            }
            if (!context.isCompleted()) {
                return naming(context).tags(context, false);
            }
        }
        return lowCardinalityKeyValues(context);
    }

    // Looked up once per call, at its start, and left on the context for the stop. A call's portal name and
    // operation are the same two objects call after call, so a small table by their identity answers first, with no
    // key to hash; each slot is filled once.
    private KeptNaming naming(CteraRequestContext context) {
        if (context.namingMemo() instanceof KeptNaming memo && memo.convention == this) {
            return memo;
        }
        CallContext call = context.call();
        int slot = (31 * System.identityHashCode(call.portalName()) + System.identityHashCode(call.operation()))
                & (NAMING_SLOTS - 1);
        KeptNaming naming = this.namingByIdentity[slot];
        if (naming == null || naming.portalName != call.portalName() || naming.operation != call.operation()) {
            KeptNaming seen = naming;
            naming = this.kept.get(call);
            if (naming == null) {
                // Portals and operations are few and fixed, so the map stays as small as the set of calls in use.
                naming = this.kept.computeIfAbsent(call, (absent) -> new KeptNaming(this, absent));
            }
            if (seen == null) {
                this.namingByIdentity[slot] = naming;
            }
        }
        context.namingMemo(naming);
        return naming;
    }

    private static String spanName(CteraOperation operation) {
        return "ctera " + operation.name();
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

    /**
     * What every call of one portal and operation is named: its tags while running and once succeeded (each built
     * from the first call that asks), and its span name. Two threads may both build a set the first time; either
     * answer is right.
     */
    private static final class KeptNaming {

        final DefaultCteraObservationConvention convention;

        final String portalName;

        final CteraOperation operation;

        final String contextualName;

        private volatile @Nullable KeyValues running;

        private volatile @Nullable KeyValues success;

        KeptNaming(DefaultCteraObservationConvention convention, CallContext call) {
            this.convention = convention;
            this.portalName = call.portalName();
            this.operation = call.operation();
            this.contextualName = spanName(call.operation());
        }

        KeyValues tags(CteraRequestContext context, boolean succeeded) {
            KeyValues tags = succeeded ? this.success : this.running;
            if (tags == null) {
                tags = this.convention.lowCardinalityKeyValues(context);
                if (succeeded) {
                    this.success = tags;
                }
                else {
                    this.running = tags;
                }
            }
            return tags;
        }
    }
}
