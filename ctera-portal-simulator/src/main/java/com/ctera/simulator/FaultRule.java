package com.ctera.simulator;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One injected fault: which requests it matches (an operation name, see {@link CteraPortalSimulator}, or a request
 * path prefix), how many of them ({@link #times(int)}, default 1) and what happens to them. Immutable: every
 * method returns a copy. A rule with no action chosen answers {@code 500}.
 */
public final class FaultRule {

    /** What a fault does to a matching request. */
    enum Action { STATUS, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE, DELAY, CONNECTION_RESET, TRUNCATED_BODY, STALLED_BODY,
        EXPIRE_SESSION, EXPIRE_SESSION_MID_TRANSFER }

    private final @Nullable String operation;
    private final @Nullable String pathPrefix;
    private final int times;
    private final Action action;
    private final int status;
    private final Duration duration;
    private final boolean afterProcessing;

    private FaultRule(@Nullable String operation, @Nullable String pathPrefix, int times, Action action, int status,
            Duration duration, boolean afterProcessing) {
        this.operation = operation;
        this.pathPrefix = pathPrefix;
        this.times = times;
        this.action = action;
        this.status = status;
        this.duration = duration;
        this.afterProcessing = afterProcessing;
    }

    /** A rule for requests of one operation, e.g. {@code users.query}. */
    public static FaultRule forOperation(String operation) {
        Objects.requireNonNull(operation, "operation");
        return new FaultRule(operation, null, 1, Action.STATUS, 500, Duration.ZERO, false);
    }

    /** A rule for requests whose path starts with the prefix, e.g. {@code /admin/api/users}. */
    public static FaultRule forPath(String pathPrefix) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        return new FaultRule(null, pathPrefix, 1, Action.STATUS, 500, Duration.ZERO, false);
    }

    /** Applies to the next {@code n} matching requests. */
    public FaultRule times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + n);
        }
        return new FaultRule(this.operation, this.pathPrefix, n, this.action, this.status, this.duration,
                this.afterProcessing);
    }

    /** Answers this status with a small XML {@code msg} body; the request is not processed. */
    public FaultRule status(int code) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + code);
        }
        return with(Action.STATUS, code, Duration.ZERO);
    }

    /** Answers 429 with {@code Retry-After} in whole seconds (rounded up); the request is not processed. */
    public FaultRule tooManyRequests(Duration retryAfter) {
        return with(Action.TOO_MANY_REQUESTS, 429, requireNotNegative(retryAfter));
    }

    /** Answers 503 with {@code Retry-After} in whole seconds (rounded up); the request is not processed. */
    public FaultRule serviceUnavailable(Duration retryAfter) {
        return with(Action.SERVICE_UNAVAILABLE, 503, requireNotNegative(retryAfter));
    }

    /** Processes the request, then holds the answer this long. */
    public FaultRule delay(Duration delay) {
        return with(Action.DELAY, 0, requireNotNegative(delay));
    }

    /** Closes the connection abruptly (TCP reset) without answering; the request is not processed. */
    public FaultRule connectionReset() {
        return with(Action.CONNECTION_RESET, 0, Duration.ZERO);
    }

    /** Processes the request, then sends the headers and half of the body and closes the connection. */
    public FaultRule truncatedBody() {
        return with(Action.TRUNCATED_BODY, 0, Duration.ZERO);
    }

    /**
     * Processes the request, then sends the headers and half of the body, sends nothing more for {@code stall}
     * (the connection stays open), and closes the connection: a transfer that stops moving.
     */
    public FaultRule stalledBody(Duration stall) {
        return with(Action.STALLED_BODY, 0, requireNotNegative(stall));
    }

    /** Invalidates the caller's session and answers the 302 session-expiry redirect; not processed. */
    public FaultRule expireSession() {
        return with(Action.EXPIRE_SESSION, 302, Duration.ZERO);
    }

    /**
     * Invalidates the caller's session partway through the exchange: a download sends the headers and half of its
     * body and closes the connection; an upload's body is read halfway, then answered with the 302 session-expiry
     * redirect and the connection closed (nothing is stored); an API call is processed, then answered with the
     * redirect (its effect stays, its answer is lost).
     */
    public FaultRule expireSessionMidTransfer() {
        return with(Action.EXPIRE_SESSION_MID_TRANSFER, 302, Duration.ZERO);
    }

    /** For status, 429, 503 and reset faults: process the request first, then fail (the answer is lost). */
    public FaultRule afterProcessing() {
        return new FaultRule(this.operation, this.pathPrefix, this.times, this.action, this.status, this.duration,
                true);
    }

    private FaultRule with(Action newAction, int newStatus, Duration newDuration) {
        return new FaultRule(this.operation, this.pathPrefix, this.times, newAction, newStatus, newDuration,
                this.afterProcessing);
    }

    private static Duration requireNotNegative(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Duration must not be negative: " + duration);
        }
        return duration;
    }

    boolean matches(String requestOperation, String path) {
        if (this.operation != null) {
            return this.operation.equals(requestOperation);
        }
        return this.pathPrefix != null && path.startsWith(this.pathPrefix);
    }

    /** Whether the request is answered without being processed. */
    boolean preventsProcessing() {
        return switch (this.action) {
            case STATUS, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE, CONNECTION_RESET -> !this.afterProcessing;
            case EXPIRE_SESSION -> true;
            case DELAY, TRUNCATED_BODY, STALLED_BODY, EXPIRE_SESSION_MID_TRANSFER -> false;
        };
    }

    int timesValue() {
        return this.times;
    }

    Action action() {
        return this.action;
    }

    int statusValue() {
        return this.status;
    }

    Duration duration() {
        return this.duration;
    }

    /** Retry-After in whole seconds, rounded up. */
    long retryAfterSeconds() {
        long seconds = this.duration.getSeconds();
        return (this.duration.getNano() > 0) ? seconds + 1 : seconds;
    }

    @Override
    public String toString() {
        return "FaultRule[" + (this.operation != null ? "operation=" + this.operation : "path=" + this.pathPrefix)
                + ", times=" + this.times + ", action=" + this.action
                + (this.action == Action.STATUS ? " " + this.status : "")
                + (this.duration.isZero() ? "" : " " + this.duration)
                + (this.afterProcessing ? ", afterProcessing" : "") + "]";
    }
}
