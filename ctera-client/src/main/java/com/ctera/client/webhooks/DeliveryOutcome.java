package com.ctera.client.webhooks;

import org.jspecify.annotations.Nullable;

/**
 * How one delivery attempt ended.
 * @param status the HTTP status, 0 when no answer came (refused, reset, timed out, handler threw)
 * @param retryAfter what the receiver asked for in {@code Retry-After}, if anything
 * @param error what went wrong, for the row and Actuator (never a secret)
 */
record DeliveryOutcome(int status, java.time.@Nullable Duration retryAfter, @Nullable String error) {

    static DeliveryOutcome failure(String error) {
        return new DeliveryOutcome(0, null, error);
    }

    boolean delivered() {
        return this.status >= 200 && this.status < 300;
    }

    boolean gone() {
        return this.status == 410;
    }
}
