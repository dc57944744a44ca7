package com.ctera.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A wait the caller bounded ran out before the portal reached the awaited state, such as a background task that
 * was still running when its timeout passed. The work itself may still finish on the portal.
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
