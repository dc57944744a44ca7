package com.ctera.client.bulk;

/**
 * A snapshot of a job's counts. Across the snapshots of one job, {@link #done()}, {@link #failed()},
 * {@link #skipped()}, {@link #rolledBack()}, {@link #rollbackFailed()} and {@link #bytes()} never decrease;
 * {@link #succeeded()} counts items that currently stand, so it falls by one for each item rolled back. The last
 * snapshot's counts are those of the {@link BulkResult}.
 * @param total items in the job
 * @param done items whose action ended or that were skipped
 * @param succeeded items whose action succeeded and that were not undone
 * @param failed items whose action failed
 * @param skipped items never started
 * @param inFlight items whose action is running
 * @param rolledBack items undone by their compensating action
 * @param rollbackFailed items whose compensating action failed
 * @param bytes bytes moved by all items so far
 * @param phase where the job is
 */
public record BulkProgress(int total, int done, int succeeded, int failed, int skipped, int inFlight, int rolledBack,
        int rollbackFailed, long bytes, Phase phase) {

    /** The fraction of items done, from 0 to 1. */
    public double ratioDone() {
        return (this.total == 0) ? 1.0 : (double) this.done / this.total;
    }

    /** Where a job is. */
    public enum Phase {

        /** Items are being started. */
        RUNNING,

        /** An item failed under {@link FailurePolicy#ROLLBACK}: compensating actions are running. */
        ROLLING_BACK,

        /** Every item is reported; the result is ready. */
        FINISHED
    }
}
