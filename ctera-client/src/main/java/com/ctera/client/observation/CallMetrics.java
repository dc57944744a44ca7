package com.ctera.client.observation;

import java.time.Duration;

/**
 * Where the observation stage records what an observation cannot express: retries as a distribution, rate-limiter
 * waits, bytes and logins. {@link MicrometerCallMetrics} writes Micrometer meters; implementations must be quick
 * and must not throw.
 */
public interface CallMetrics {

    /** Records nothing. */
    CallMetrics NONE = new CallMetrics() {
    };

    /** The rate limiter held a call this long. */
    default void rateLimited(CteraRequestContext call, Duration waited) {
    }

    /** A call moved this much file content. */
    default void transferred(CteraRequestContext call, long bytesSent, long bytesReceived) {
    }

    /** A call logged in; {@code renewal} when it replaced an expired session. */
    default void loggedIn(CteraRequestContext call, boolean renewal) {
    }

    /** A call ended; {@link CteraRequestContext#retries()} and its outcome are final. */
    default void completed(CteraRequestContext call) {
    }
}
