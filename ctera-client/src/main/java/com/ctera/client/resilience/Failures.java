package com.ctera.client.resilience;

import java.net.ConnectException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraServerException;
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
     * Connect failures, resets, timeouts, 408, 429, and 5xx except 501 and 505. Authentication errors, other 4xx,
     * in-band business errors, TLS failures and an open circuit are final.
     */
    public static boolean isRetryable(Throwable error) {
        if (error instanceof CteraThrottledException) {
            return true;
        }
        if (error instanceof CteraTransportException) {
            return !causedBy(error, SSLException.class);
        }
        if (error instanceof CteraServerException server) {
            return server.status() != 501 && server.status() != 505;
        }
        return error instanceof CteraClientErrorException client && client.status() == 408;
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

    /** Failures that say the portal is unwell, for the circuit breaker: retryable ones except throttling. */
    public static boolean isPortalFailure(Throwable error) {
        return isRetryable(error) && !isThrottling(error);
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
