package com.ctera.client.webhooks;

import java.time.Duration;

/**
 * How the delivery workers run.
 * @param workers threads claiming rows
 * @param batchSize rows one claim takes
 * @param concurrency attempts in flight per worker
 * @param lease how long a claimed row stays with its worker before another may take it
 * @param idlePoll how often an idle worker looks for due rows
 * @param disableAfter how long an endpoint may fail without a success before it is disabled
 * @param keepDelivered how long a delivered row stays in the outbox before it is deleted
 * @param keepDead how long a dead row (attempts used up) stays for a replay before it is deleted
 */
public record DispatcherSettings(int workers, int batchSize, int concurrency, Duration lease, Duration idlePoll,
        Duration disableAfter, Duration keepDelivered, Duration keepDead) {

    public DispatcherSettings {
        if (workers < 1 || batchSize < 1 || concurrency < 1) {
            throw new IllegalArgumentException("workers, batch size and concurrency must be positive");
        }
    }
}
