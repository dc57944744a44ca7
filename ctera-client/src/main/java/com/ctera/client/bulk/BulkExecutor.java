package com.ctera.client.bulk;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Runs bulk jobs for one portal: many {@link BulkOperation}s with a concurrency bound, a failure policy and
 * progress. Each item's action is an ordinary portal call, so it goes through the portal's whole pipeline (rate
 * limits, retries with read-back, circuit breaker, observations): a job never exceeds the portal's limits, and when
 * the portal throttles, the adaptive limiter holds items back and fewer are on the wire. Thread-safe; jobs run
 * independently.
 */
public final class BulkExecutor {

    /** Why the items a shutdown kept from starting were skipped. */
    public static final String SHUTDOWN_REASON = "the bulk executor was shut down";

    private final String portal;

    private final BulkOptions options;

    private final BulkMonitor monitor;

    private final Set<BulkJob> running = ConcurrentHashMap.newKeySet();

    private volatile boolean shutDown;

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
        if (this.shutDown) {
            throw new IllegalStateException("bulk job " + name + " not started: the bulk executor of portal "
                    + this.portal + " is shut down");
        }
        BulkJob job = new BulkJob(name, this.portal, operations, options, listener, this.monitor);
        this.running.add(job);
        job.start();
        // The result is replayed, so a job that finished before this subscription is still removed.
        job.result().subscribe(result -> this.running.remove(job));
        return job;
    }

    /** The jobs running now. */
    public List<BulkJob> running() {
        return List.copyOf(this.running);
    }

    /**
     * Refuses new jobs and stops every running job from starting more items (for an application that is stopping).
     * Items in flight finish, or fail when the portal is closed; every item is reported in its job's result, those
     * never started as {@link ItemOutcome#SKIPPED} with the note {@value #SHUTDOWN_REASON}.
     * @return the jobs that were running, whose results come when their in-flight items end
     */
    public List<BulkJob> shutdown() {
        this.shutDown = true;
        List<BulkJob> jobs = running();
        jobs.forEach(job -> job.stopStarting(SHUTDOWN_REASON));
        return jobs;
    }

    /**
     * {@link #shutdown()}, then waits for the jobs' results within the grace period, and abandons the items still in
     * flight after it (they fail with a {@link java.util.concurrent.CancellationException}).
     * @return the jobs' results; see {@link BulkJob#awaitOrAbandon(java.util.Collection, Duration)}
     */
    public List<BulkResult> shutdown(Duration grace) {
        return BulkJob.awaitOrAbandon(shutdown(), grace);
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
