package com.ctera.client.webhooks;

import java.time.Duration;

/** Hears what the delivery workers do, for metrics; must be quick and never throw. */
public interface DeliveryListener {

    /** Hears nothing. */
    DeliveryListener NONE = new DeliveryListener() {
    };

    /** A delivery was taken by its receiver, {@code latency} after its event was committed. */
    default void delivered(String endpoint, Duration latency) {
    }

    /** An attempt failed and the delivery is scheduled again. */
    default void retried(String endpoint, int status) {
    }

    /** The last attempt failed; the delivery is dead. */
    default void dead(String endpoint) {
    }

    /** The endpoint was disabled. */
    default void disabled(String endpoint, String reason) {
    }
}
