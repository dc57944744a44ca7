package com.ctera.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The call's overall deadline (every attempt, back-off and wait included) passed before it ended; the client
 * cancelled it. A request already sent may still take effect on the portal. Not retryable: the time is spent.
 */
public class CteraDeadlineExceededException extends CteraTimeoutException implements CteraClientRefusal {

    public CteraDeadlineExceededException(String operation, String message, Duration deadline,
            @Nullable Throwable cause) {
        super(operation, message, deadline, cause);
    }
}
