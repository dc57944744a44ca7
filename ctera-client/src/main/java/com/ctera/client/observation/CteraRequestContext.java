package com.ctera.client.observation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraQuotaException;
import com.ctera.client.CteraOperation;
import com.ctera.client.pipeline.CallContext;

import static com.ctera.client.observation.KeptKeyValues.HIGH;
import static com.ctera.client.observation.KeptKeyValues.LOW;

/**
 * The observation context of one logical portal call: which portal and operation, how it ended, and what happened
 * inside it (retries, limiter waits, bytes, logins). Holds no request body, path, id or credential.
 */
public final class CteraRequestContext extends Observation.Context {

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

    // The convention's tag sets as it handed them over, Micrometer's maps written only when needed (KeptKeyValues).
    private final KeptKeyValues kept = new KeptKeyValues();

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
        return this.kept.keep(LOW, keyValues) ? this
                : this.kept.change(this, LOW, () -> super.addLowCardinalityKeyValues(keyValues));
    }

    @Override
    public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
        return this.kept.change(this, LOW, () -> super.addLowCardinalityKeyValue(keyValue));
    }

    @Override
    public Observation.Context removeLowCardinalityKeyValue(String keyName) {
        return this.kept.change(this, LOW, () -> super.removeLowCardinalityKeyValue(keyName));
    }

    @Override
    public Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
        return this.kept.change(this, LOW, () -> super.removeLowCardinalityKeyValues(keyNames));
    }

    @Override
    public KeyValues getLowCardinalityKeyValues() {
        KeyValues known = this.kept.known(LOW);
        return (known != null) ? known : this.kept.remember(LOW, super.getLowCardinalityKeyValues());
    }

    @Override
    public @Nullable KeyValue getLowCardinalityKeyValue(String key) {
        KeyValues known = this.kept.known(LOW);
        return (known != null) ? KeptKeyValues.find(known, key) : super.getLowCardinalityKeyValue(key);
    }

    @Override
    public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
        return this.kept.keep(HIGH, keyValues) ? this
                : this.kept.change(this, HIGH, () -> super.addHighCardinalityKeyValues(keyValues));
    }

    @Override
    public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
        return this.kept.change(this, HIGH, () -> super.addHighCardinalityKeyValue(keyValue));
    }

    @Override
    public Observation.Context removeHighCardinalityKeyValue(String keyName) {
        return this.kept.change(this, HIGH, () -> super.removeHighCardinalityKeyValue(keyName));
    }

    @Override
    public Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
        return this.kept.change(this, HIGH, () -> super.removeHighCardinalityKeyValues(keyNames));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues() {
        KeyValues known = this.kept.known(HIGH);
        return (known != null) ? known : this.kept.remember(HIGH, super.getHighCardinalityKeyValues());
    }

    @Override
    public @Nullable KeyValue getHighCardinalityKeyValue(String key) {
        KeyValues known = this.kept.known(HIGH);
        return (known != null) ? KeptKeyValues.find(known, key) : super.getHighCardinalityKeyValue(key);
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
                || error instanceof CteraAuthenticationException || error instanceof CteraAccessDeniedException;
    }

    @Override
    public String toString() {
        return "CteraRequestContext[" + this.call.portalName() + " " + this.call.operation().name() + ", outcome="
                + outcome() + ", status=" + this.status + ", retries=" + this.retries + "]";
    }
}
