package com.ctera.client;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The portal or the client-side limiter refused the call for now (HTTP 429 or 503 with {@code Retry-After}). */
public class CteraThrottledException extends CteraException {

    private final @Nullable Duration retryAfter;

    public CteraThrottledException(String operation, int status, String message, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(operation, status, message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the portal asked the client to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(this.retryAfter);
    }
}
