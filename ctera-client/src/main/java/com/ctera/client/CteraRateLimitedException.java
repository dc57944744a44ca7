package com.ctera.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The client-side rate limiter gave no permit within its longest wait, so the call was not sent. Retryable, like
 * the portal's own throttling: a permit frees up as time passes.
 */
public class CteraRateLimitedException extends CteraThrottledException implements CteraClientRefusal {

    private final Duration maxWait;

    public CteraRateLimitedException(String operation, String message, Duration maxWait, @Nullable Throwable cause) {
        super(operation, 0, message, null, cause);
        this.maxWait = maxWait;
    }

    /** The longest the call was allowed to wait for a permit. */
    public Duration maxWait() {
        return this.maxWait;
    }
}
