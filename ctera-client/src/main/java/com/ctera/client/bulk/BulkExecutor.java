package com.ctera.client.bulk;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Runs bulk jobs for one portal: many {@link BulkOperation}s with a concurrency bound, a failure policy and
 * progress. Each item's action is an ordinary portal call, so it goes through the portal's whole pipeline (rate
 * limits, retries with read-back, circuit breaker, observations): a job never exceeds the portal's limits, and when
 * the portal throttles, the adaptive limiter holds items back and fewer are on the wire. Thread-safe; jobs run
 * independently.
 */
public final class BulkExecutor {

    private final String portal;

    private final BulkOptions options;

    private final BulkMonitor monitor;

    /**
     * @param portal the portal's name, for results, metrics and logs
     * @param options the default options of jobs started without their own
     * @param monitor told of every job, for metrics and management endpoints
     */
    public BulkExecutor(String portal, BulkOptions options, BulkMonitor monitor) {
        this.portal = Objects.requireNonNull(portal, "portal");
        this.options = Objects.requireNonNull(options, "options");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /** An executor with default options and no monitor. */
    public static BulkExecutor of(String portal) {
        return new BulkExecutor(portal, BulkOptions.DEFAULTS, BulkMonitor.NONE);
    }

    /** The portal's name. */
    public String portal() {
        return this.portal;
    }

    /** The options of jobs started without their own. */
    public BulkOptions options() {
        return this.options;
    }

    /** Starts a job with the default options; see {@link #start(String, List, BulkOptions, BulkListener)}. */
    public BulkJob start(String name, List<BulkOperation> operations) {
        return start(name, operations, this.options, BulkListener.NONE);
    }

    /**
     * Starts a job at once and returns it running.
     * @param name what the job does, such as {@code users.create}; names its metrics and results
     * @param operations the items, run in this order as the concurrency allows
     * @throws IllegalArgumentException when two items have the same id
     */
    public BulkJob start(String name, List<BulkOperation> operations, BulkOptions options, BulkListener listener) {
        requireUniqueIds(name, operations);
        BulkJob job = new BulkJob(name, this.portal, operations, options, listener, this.monitor);
        job.start();
        return job;
    }

    /**
     * The job as a {@link Mono}: started on subscription; cancelling the subscription cancels the job (in-flight
     * items finish, the rest are not started).
     */
    public Mono<BulkResult> execute(String name, List<BulkOperation> operations, BulkOptions options,
            BulkListener listener) {
        return Mono.defer(() -> {
            BulkJob job = start(name, operations, options, listener);
            return job.result().doOnCancel(job::cancel);
        });
    }

    private static void requireUniqueIds(String name, List<BulkOperation> operations) {
        Set<String> seen = new HashSet<>();
        for (BulkOperation operation : operations) {
            if (!seen.add(operation.id())) {
                throw new IllegalArgumentException("bulk job " + name + ": item id '" + operation.id()
                        + "' appears twice; ids name items in results and must be unique");
            }
        }
    }

    @Override
    public String toString() {
        return "BulkExecutor[" + this.portal + ", " + this.options + "]";
    }
}
