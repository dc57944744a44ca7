package com.ctera.client.bulk;

/**
 * Learns of every job an executor runs, for metrics and management endpoints. Called on the job's threads: quick
 * and non-blocking; one that throws is logged and never fails the job.
 */
public interface BulkMonitor {

    /** A monitor that ignores everything. */
    BulkMonitor NONE = new BulkMonitor() {
    };

    /** The job started; it is running until {@link #jobFinished} is called for it. */
    default void jobStarted(BulkJob job) {
    }

    /** The job ended; every item is reported in {@code result}. */
    default void jobFinished(BulkJob job, BulkResult result) {
    }
}
