package com.ctera.client.observation;

import java.time.Duration;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraQuotaException;
import com.ctera.client.CteraOperation;
import com.ctera.client.pipeline.CallContext;

/**
 * The observation context of one logical portal call: which portal and operation, how it ended, and what happened
 * inside it (retries, limiter waits, bytes, logins). Holds no request body, path, id or credential.
 */
public final class CteraRequestContext extends Observation.Context {

    /** Pairs of tag sets known to have the same keys, by identity; see sameKeys. */
    private static final int ALIKE_SLOTS = 64;

    private static final Object[] ALIKE = new Object[ALIKE_SLOTS];

    // Which kind of tags a kept-set method works on.
    private static final boolean LOW = true;

    private static final boolean HIGH = false;

    /** The status reported for a successful call: the portal answers every success with 200. */
    public static final int SUCCESS_STATUS = 200;

    private final CallContext call;

    private volatile int status;

    private volatile boolean completed;

    private volatile boolean cancelled;

    // Counters as volatile fields behind shared updaters rather than one Atomic object each: a context is made for
    // every call, and five more objects per call showed in the allocation profile (docs/benchmarks.md).
    private static final AtomicIntegerFieldUpdater<CteraRequestContext> RETRIES = AtomicIntegerFieldUpdater
        .newUpdater(CteraRequestContext.class, "retries");

    private static final AtomicIntegerFieldUpdater<CteraRequestContext> LOGINS = AtomicIntegerFieldUpdater
        .newUpdater(CteraRequestContext.class, "logins");

    private static final AtomicLongFieldUpdater<CteraRequestContext> RATE_LIMITED_NANOS = AtomicLongFieldUpdater
        .newUpdater(CteraRequestContext.class, "rateLimitedNanos");

    private static final AtomicLongFieldUpdater<CteraRequestContext> BYTES_SENT = AtomicLongFieldUpdater
        .newUpdater(CteraRequestContext.class, "bytesSent");

    private static final AtomicLongFieldUpdater<CteraRequestContext> BYTES_RECEIVED = AtomicLongFieldUpdater
        .newUpdater(CteraRequestContext.class, "bytesReceived");

    private volatile int retries;

    private volatile long rateLimitedNanos;

    private volatile long bytesSent;

    private volatile long bytesReceived;

    private volatile int logins;

    private static final AtomicIntegerFieldUpdater<CteraRequestContext> ENDED = AtomicIntegerFieldUpdater
        .newUpdater(CteraRequestContext.class, "ended");

    /** 1 once the observation stage has stopped the observation: a cancel after the answer must not stop it again. */
    private volatile int ended;

    // Kept here for CteraMeterObservationHandler rather than in the context's map: two map writes and reads per call
    // less. The sample is an Object so that this class does not need micrometer-core, which is optional.
    private long startedAt;

    private @Nullable Object activeSample;

    // What the default convention worked out for this call's portal and operation at the start, so that its answers
    // at the stop need no second lookup. An Object, as the convention's holder is its own business.
    private @Nullable Object namingMemo;

    // The convention sets its whole set of tags at the start and again at the stop, over the same keys each time.
    // While nothing else changed them, that set is itself the answer to a read, and is kept here instead of in
    // Micrometer's maps: a concurrent map write per tag and a sorted copy per read were most of what the
    // observation itself cost a call (docs/benchmarks.md). The maps are written the first time anything reads or
    // changes a single key, so every method of Observation.Context still sees the same tags. For each kind (low,
    // high cardinality): the kept set, or null when only the map knows it, and whether the map still lacks it.
    // Plain fields, as Micrometer's own name and error are: reads and writes come from the thread that holds the
    // call at the time, and the signals between stages order them (volatile ones cost eight fences per call).
    private @Nullable KeyValues lowKnown = KeyValues.empty();

    private boolean lowUnwritten;

    private @Nullable KeyValues highKnown = KeyValues.empty();

    private boolean highUnwritten;

    /** A context for this call, not yet ended. */
    public CteraRequestContext(CallContext call) {
        this.call = call;
    }

    /** The portal and operation. */
    public CallContext call() {
        return this.call;
    }

    /** The portal's configured name. */
    public String portalName() {
        return this.call.portalName();
    }

    /** The logical operation, such as {@code users.get}. */
    public CteraOperation operation() {
        return this.call.operation();
    }

    /** The HTTP status of the final answer; 0 while running or when no answer arrived. */
    public int status() {
        return this.status;
    }

    /** Whether the call has ended (successfully, with an error, or cancelled). */
    public boolean isCompleted() {
        return this.completed;
    }

    /** Whether the call has ended with its answer: completed, not cancelled, without an error. */
    public boolean isSucceeded() {
        return this.completed && !this.cancelled && getError() == null;
    }

    /** Whether the caller cancelled the call before it ended. */
    public boolean isCancelled() {
        return this.cancelled;
    }

    /** How the call failed, in the fixed vocabulary; {@link CteraErrorType#NONE} on success or while running. */
    public CteraErrorType errorType() {
        return CteraErrorType.of(getError());
    }

    /**
     * The outcome in Spring Boot's HTTP client vocabulary: from the status class, and for a failure that carries no
     * status, or an in-band error under a 2xx, {@code CLIENT_ERROR} when the request itself was refused (not found,
     * conflict, quota, authentication) and {@code UNKNOWN} otherwise.
     */
    public String outcome() {
        @Nullable Throwable error = getError();
        int code = this.status;
        if (error == null) {
            return this.completed && !this.cancelled ? "SUCCESS" : "UNKNOWN";
        }
        if (code >= 300 && code < 600) {
            return (code < 400) ? "REDIRECTION" : (code < 500) ? "CLIENT_ERROR" : "SERVER_ERROR";
        }
        return refusedRequest(error) ? "CLIENT_ERROR" : "UNKNOWN";
    }

    /** How many times the call was repeated after its first attempt. */
    public int retries() {
        return this.retries;
    }

    /** Total time the rate limiter held the call. */
    public Duration rateLimitedFor() {
        return Duration.ofNanos(this.rateLimitedNanos);
    }

    /** Bytes of file content sent to the portal. */
    public long bytesSent() {
        return this.bytesSent;
    }

    /** Bytes of file content received from the portal. */
    public long bytesReceived() {
        return this.bytesReceived;
    }

    /** Logins (first or renewal) made during the call. */
    public int logins() {
        return this.logins;
    }

    void succeeded() {
        this.status = SUCCESS_STATUS;
        this.completed = true;
    }

    void failed(Throwable error) {
        this.status = (error instanceof CteraException ctera) ? ctera.status() : 0;
        this.completed = true;
        setError(error);
    }

    /** A cancel after the answer arrived is the caller letting go (a blocking caller does so), not a cancellation. */
    void cancelledByCaller() {
        if (!this.completed) {
            this.cancelled = true;
            this.completed = true;
        }
    }

    /** True for the first caller only: the one that stops the observation and records the call. */
    boolean markEnded() {
        return ENDED.compareAndSet(this, 0, 1);
    }

    void retried() {
        RETRIES.incrementAndGet(this);
    }

    void rateLimited(Duration waited) {
        RATE_LIMITED_NANOS.addAndGet(this, Math.max(0, waited.toNanos()));
    }

    void transferred(long sent, long received) {
        BYTES_SENT.addAndGet(this, Math.max(0, sent));
        BYTES_RECEIVED.addAndGet(this, Math.max(0, received));
    }

    void loggedIn() {
        LOGINS.incrementAndGet(this);
    }

    @Override
    public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
        return keep(LOW, keyValues) ? this
                : change(LOW, () -> super.addLowCardinalityKeyValues(keyValues));
    }

    @Override
    public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
        return change(LOW, () -> super.addLowCardinalityKeyValue(keyValue));
    }

    @Override
    public Observation.Context removeLowCardinalityKeyValue(String keyName) {
        return change(LOW, () -> super.removeLowCardinalityKeyValue(keyName));
    }

    @Override
    public Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
        return change(LOW, () -> super.removeLowCardinalityKeyValues(keyNames));
    }

    @Override
    public KeyValues getLowCardinalityKeyValues() {
        KeyValues known = known(LOW);
        return (known != null) ? known : remember(LOW, super.getLowCardinalityKeyValues());
    }

    @Override
    public @Nullable KeyValue getLowCardinalityKeyValue(String key) {
        KeyValues known = known(LOW);
        return (known != null) ? find(known, key) : super.getLowCardinalityKeyValue(key);
    }

    @Override
    public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
        return keep(HIGH, keyValues) ? this
                : change(HIGH, () -> super.addHighCardinalityKeyValues(keyValues));
    }

    @Override
    public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
        return change(HIGH, () -> super.addHighCardinalityKeyValue(keyValue));
    }

    @Override
    public Observation.Context removeHighCardinalityKeyValue(String keyName) {
        return change(HIGH, () -> super.removeHighCardinalityKeyValue(keyName));
    }

    @Override
    public Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
        return change(HIGH, () -> super.removeHighCardinalityKeyValues(keyNames));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues() {
        KeyValues known = known(HIGH);
        return (known != null) ? known : remember(HIGH, super.getHighCardinalityKeyValues());
    }

    @Override
    public @Nullable KeyValue getHighCardinalityKeyValue(String key) {
        KeyValues known = known(HIGH);
        return (known != null) ? find(known, key) : super.getHighCardinalityKeyValue(key);
    }

    private static @Nullable KeyValue find(KeyValues keyValues, String key) {
        for (KeyValue keyValue : keyValues) {
            if (keyValue.getKey().equals(key)) {
                return keyValue;
            }
        }
        return null;
    }

    // Both sorted by key and free of repeated keys, as every KeyValues is; an empty set before takes any keys. The
    // same set again and the first set of a call need no walk, and nor does a pair of sets found alike before (a
    // convention that keeps its answers, as the default one does, hands every call the same two sets).
    private static boolean sameKeys(KeyValues before, KeyValues added) {
        if (before == added || before == KeyValues.empty()) {
            return true;
        }
        int slot = (31 * System.identityHashCode(before) + System.identityHashCode(added)) & (ALIKE_SLOTS - 1);
        Object seen = ALIKE[slot];
        if (seen instanceof AlikePair pair && pair.before() == before && pair.added() == added) {
            return true;
        }
        if (!walkKeys(before, added)) {
            return false;
        }
        // Each slot is filled once: a convention that builds new sets on every call then allocates nothing here.
        if (seen == null) {
            ALIKE[slot] = new AlikePair(before, added);
        }
        return true;
    }

    private static boolean walkKeys(KeyValues before, KeyValues added) {
        Iterator<KeyValue> old = before.iterator();
        if (!old.hasNext()) {
            return true;
        }
        Iterator<KeyValue> fresh = added.iterator();
        while (old.hasNext() && fresh.hasNext()) {
            if (!old.next().getKey().equals(fresh.next().getKey())) {
                return false;
            }
        }
        return !old.hasNext() && !fresh.hasNext();
    }

    void startedAt(long monotonicNanos) {
        this.startedAt = monotonicNanos;
    }

    long startedAt() {
        return this.startedAt;
    }

    void activeSample(@Nullable Object sample) {
        this.activeSample = sample;
    }

    @Nullable Object activeSample() {
        return this.activeSample;
    }

    void namingMemo(Object memo) {
        this.namingMemo = memo;
    }

    @Nullable Object namingMemo() {
        return this.namingMemo;
    }

    private static boolean refusedRequest(Throwable error) {
        return error instanceof CteraNotFoundException || error instanceof CteraConflictException
                || error instanceof CteraQuotaException || error instanceof CteraClientErrorException
                || error instanceof CteraAuthenticationException;
    }

    @Override
    public String toString() {
        return "CteraRequestContext[" + this.call.portalName() + " " + this.call.operation().name() + ", outcome="
                + outcome() + ", status=" + this.status + ", retries=" + this.retries + "]";
    }

    /** Keeps a whole set over the same keys as the known one (any keys when none yet); false otherwise. */
    private boolean keep(boolean low, KeyValues keyValues) {
        KeyValues before = known(low);
        if (before == null || !sameKeys(before, keyValues)) {
            return false;
        }
        if (low) {
            this.lowKnown = keyValues;
            this.lowUnwritten = true;
        }
        else {
            this.highKnown = keyValues;
            this.highUnwritten = true;
        }
        return true;
    }

    private @Nullable KeyValues known(boolean low) {
        return low ? this.lowKnown : this.highKnown;
    }

    private KeyValues remember(boolean low, KeyValues read) {
        if (low) {
            this.lowKnown = read;
        }
        else {
            this.highKnown = read;
        }
        return read;
    }

    /** Makes a change through Micrometer's map, the kept set written to it first; the set is then unknown. */
    private Observation.Context change(boolean low, Supplier<Observation.Context> change) {
        KeyValues kept = known(low);
        if (kept != null && (low ? this.lowUnwritten : this.highUnwritten)) {
            // Cleared first: the change itself may come back here (Micrometer adds a set key by key).
            if (low) {
                this.lowUnwritten = false;
            }
            else {
                this.highUnwritten = false;
            }
            for (KeyValue keyValue : kept) {
                if (low) {
                    super.addLowCardinalityKeyValue(keyValue);
                }
                else {
                    super.addHighCardinalityKeyValue(keyValue);
                }
            }
        }
        Observation.Context changed = change.get();
        if (low) {
            this.lowKnown = null;
        }
        else {
            this.highKnown = null;
        }
        return changed;
    }

    /** Two tag sets found to have the same keys; immutable, so a slot holds a whole pair or none. */
    private record AlikePair(KeyValues before, KeyValues added) {
    }
}
