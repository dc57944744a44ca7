package com.ctera.client.bulk;

/**
 * Watches a bulk job. Called in the job's order from the thread that changed the counts, so it must return quickly
 * and never block; one that throws is logged and never fails the job.
 */
@FunctionalInterface
public interface BulkListener {

    /** A listener that ignores everything. */
    BulkListener NONE = progress -> {
    };

    /** The counts changed. */
    void onProgress(BulkProgress progress);

    /** An item reached an outcome (again, when it is rolled back). */
    default void onItem(BulkItemResult item) {
    }
}
