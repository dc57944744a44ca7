package com.ctera.client.resilience;

import java.net.ConnectException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraClientRefusal;
import com.ctera.client.CteraException;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.CteraTransportException;

/**
 * Sorts call failures for the retry and circuit breaker stages: which are worth another attempt, which prove the
 * portal never processed the request, and which are throttling.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * What the failure itself says, {@link CteraException#isRetryable()}: connect failures, resets, timeouts, 408,
     * 429, and 5xx except 501 and 505. Authentication and permission errors, other 4xx, in-band business errors,
     * TLS failures, an open circuit and a passed deadline are final. Anything that is not a {@code CteraException}
     * is final too.
     */
    public static boolean isRetryable(Throwable error) {
        return error instanceof CteraException failure && failure.isRetryable();
    }

    /**
     * Whether the failure shows the portal did not process the request, so even a non-idempotent call may be
     * repeated: the connection was never made, or the portal (or the client's own limiter) throttled the call, which
     * happens before any processing.
     */
    public static boolean provesNotProcessed(Throwable error) {
        if (error instanceof CteraThrottledException) {
            return true;
        }
        return error instanceof CteraTransportException && causedBy(error, ConnectException.class);
    }

    /** Throttling: 429, or 503 with {@code Retry-After}, or the client's own limiter. */
    public static boolean isThrottling(Throwable error) {
        return error instanceof CteraThrottledException;
    }

    /**
     * Failures that say the portal is unwell, for the circuit breaker: retryable ones except throttling and the
     * client's own refusals.
     */
    public static boolean isPortalFailure(Throwable error) {
        return isRetryable(error) && !isThrottling(error) && !isClientRefusal(error);
    }

    /** Decided by the client itself (its limiter, its open breaker, the call's deadline), not by the portal. */
    public static boolean isClientRefusal(Throwable error) {
        return error instanceof CteraClientRefusal;
    }

    /** The wait the portal asked for, when the failure carries one. */
    public static @Nullable Duration retryAfter(Throwable error) {
        return (error instanceof CteraThrottledException throttled) ? throttled.retryAfter().orElse(null) : null;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
