package com.ctera.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A wait the caller bounded ran out: a background task still running when its timeout passed (the work may still
 * finish on the portal), or the call's overall deadline, {@link CteraDeadlineExceededException}. Not retryable: the
 * time the caller gave is spent.
 */
public class CteraTimeoutException extends CteraException {

    private final Duration timeout;

    public CteraTimeoutException(String operation, String message, Duration timeout, @Nullable Throwable cause) {
        super(operation, 0, message, cause);
        this.timeout = timeout;
    }

    /** The limit that passed. */
    public Duration timeout() {
        return this.timeout;
    }
}
