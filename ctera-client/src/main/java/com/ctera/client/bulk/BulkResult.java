package com.ctera.client.bulk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How a whole job ended, naming every item in the order it was given.
 * @param job the job's name, such as {@code users.create}
 * @param portal the portal's name
 * @param items every item, in the job's order
 * @param stoppedBy why the job stopped starting items (an item's failure under abort or rollback, or a
 * cancellation), or {@code null} when it started every item
 * @param duration from start to the last report
 */
public record BulkResult(String job, String portal, List<BulkItemResult> items, @Nullable String stoppedBy,
        Duration duration) {

    public BulkResult {
        items = List.copyOf(items);
    }

    /** Items with this outcome, in the job's order. */
    public List<BulkItemResult> withOutcome(ItemOutcome outcome) {
        return this.items.stream().filter(item -> item.outcome() == outcome).toList();
    }

    /** How many items have this outcome. */
    public int count(ItemOutcome outcome) {
        int count = 0;
        for (BulkItemResult item : this.items) {
            if (item.outcome() == outcome) {
                count++;
            }
        }
        return count;
    }

    /** Items whose action succeeded and stands. */
    public List<BulkItemResult> succeeded() {
        return withOutcome(ItemOutcome.SUCCEEDED);
    }

    /** Items whose action failed, each with its cause. */
    public List<BulkItemResult> failed() {
        return withOutcome(ItemOutcome.FAILED);
    }

    /** Whether every item succeeded and stands. */
    public boolean allSucceeded() {
        return count(ItemOutcome.SUCCEEDED) == this.items.size();
    }

    /** The item with this id. */
    public Optional<BulkItemResult> item(String id) {
        return this.items.stream().filter(item -> item.id().equals(id)).findFirst();
    }

    /** The counts as a final progress snapshot: what the job's last progress event said. */
    public BulkProgress counts() {
        long bytes = 0;
        for (BulkItemResult item : this.items) {
            bytes += item.bytes();
        }
        int succeeded = count(ItemOutcome.SUCCEEDED);
        int failed = count(ItemOutcome.FAILED);
        int skipped = count(ItemOutcome.SKIPPED);
        int rolledBack = count(ItemOutcome.ROLLED_BACK);
        int rollbackFailed = count(ItemOutcome.ROLLBACK_FAILED);
        return new BulkProgress(this.items.size(), this.items.size(), succeeded, failed, skipped, 0, rolledBack,
                rollbackFailed, bytes, BulkProgress.Phase.FINISHED);
    }

    @Override
    public String toString() {
        BulkProgress counts = counts();
        return "BulkResult[" + this.job + " on " + this.portal + ": " + counts.total() + " items, "
                + counts.succeeded() + " succeeded, " + counts.failed() + " failed, " + counts.skipped()
                + " skipped, " + counts.rolledBack() + " rolled back, " + counts.rollbackFailed()
                + " rollback failed" + ((this.stoppedBy != null) ? "; stopped: " + this.stoppedBy : "") + " in "
                + this.duration.toMillis() + " ms]";
    }
}
