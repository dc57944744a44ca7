package com.ctera.client.observation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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

    /** The status reported for a successful call: the portal answers every success with 200. */
    public static final int SUCCESS_STATUS = 200;

    private final CallContext call;

    private volatile int status;

    private volatile boolean completed;

    private volatile boolean cancelled;

    private final AtomicInteger retries = new AtomicInteger();

    private final AtomicLong rateLimitedNanos = new AtomicLong();

    private final AtomicLong bytesSent = new AtomicLong();

    private final AtomicLong bytesReceived = new AtomicLong();

    private final AtomicInteger logins = new AtomicInteger();

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
        return this.retries.get();
    }

    /** Total time the rate limiter held the call. */
    public Duration rateLimitedFor() {
        return Duration.ofNanos(this.rateLimitedNanos.get());
    }

    /** Bytes of file content sent to the portal. */
    public long bytesSent() {
        return this.bytesSent.get();
    }

    /** Bytes of file content received from the portal. */
    public long bytesReceived() {
        return this.bytesReceived.get();
    }

    /** Logins (first or renewal) made during the call. */
    public int logins() {
        return this.logins.get();
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

    void retried() {
        this.retries.incrementAndGet();
    }

    void rateLimited(Duration waited) {
        this.rateLimitedNanos.addAndGet(Math.max(0, waited.toNanos()));
    }

    void transferred(long sent, long received) {
        this.bytesSent.addAndGet(Math.max(0, sent));
        this.bytesReceived.addAndGet(Math.max(0, received));
    }

    void loggedIn() {
        this.logins.incrementAndGet();
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
}
