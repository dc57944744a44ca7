package com.ctera.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every failure the client reports. Carries the operation that failed and, where the portal answered, the
 * HTTP status. Messages never contain credentials, cookies or tokens.
 */
public class CteraException extends RuntimeException {

    private final String operation;

    private final int status;

    /**
     * @param operation the logical operation, such as {@code users.add}
     * @param status the HTTP status, or {@code 0} when no response was received
     */
    public CteraException(String operation, int status, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.status = status;
    }

    /** The logical operation that failed, such as {@code users.query}. */
    public String operation() {
        return this.operation;
    }

    /** The HTTP status of the portal's answer, or {@code 0} when there was none. */
    public int status() {
        return this.status;
    }

    /**
     * Whether repeating the same call may succeed: what the client's own retry stage retries, and what an
     * application's {@code @Retryable} around the client should retry. Throttling, transport failures other than TLS,
     * 408, most 5xx and the client-side limiter's refusal are; refused credentials, permissions, missing objects,
     * conflicts, malformed answers, an open circuit breaker and a passed deadline are not.
     */
    public boolean isRetryable() {
        return false;
    }
}
