package com.ctera.client;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The portal refused the call for now (HTTP 429, or 503 with {@code Retry-After}), or the client-side limiter did:
 * that one is the subclass {@link CteraRateLimitedException}. Retryable.
 */
public class CteraThrottledException extends CteraException {

    private final @Nullable Duration retryAfter;

    public CteraThrottledException(String operation, int status, String message, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(operation, status, message, cause);
        this.retryAfter = retryAfter;
    }

    /** Always: throttling is a request to come back later. */
    @Override
    public boolean isRetryable() {
        return true;
    }

    /** How long the portal asked the client to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(this.retryAfter);
    }
}
