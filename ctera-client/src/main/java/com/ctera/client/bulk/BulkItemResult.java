package com.ctera.client.bulk;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How one item ended.
 * @param index the item's position in the job, from 0
 * @param id the item's id
 * @param outcome how it ended
 * @param error why the action failed ({@link ItemOutcome#FAILED}), else {@code null}
 * @param rollbackError why the compensation failed ({@link ItemOutcome#ROLLBACK_FAILED}), else {@code null}
 * @param note why an item was skipped, or why a succeeded item of a rolled-back job still stands; else {@code null}
 * @param notRestored what the rollback of a {@link ItemOutcome#ROLLED_BACK} item could not restore (its
 * compensation emitted a {@link PartialUndo}), such as a password; {@code null} when it was undone in full
 * @param bytes bytes the item moved
 * @param duration how long the action ran (zero when it never started)
 */
public record BulkItemResult(int index, String id, ItemOutcome outcome, @Nullable Throwable error,
        @Nullable Throwable rollbackError, @Nullable String note,
        @Nullable String notRestored, long bytes, Duration duration) {

    /** Whether the item was rolled back with something it could not restore, named by {@link #notRestored()}. */
    public boolean rolledBackInPart() {
        return this.notRestored != null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("#").append(this.index).append(' ').append(this.id).append(": ")
            .append(this.outcome);
        if (this.error != null) {
            text.append(" (").append(this.error).append(')');
        }
        if (this.rollbackError != null) {
            text.append(" (rollback: ").append(this.rollbackError).append(')');
        }
        if (this.note != null) {
            text.append(" (").append(this.note).append(')');
        }
        if (this.notRestored != null) {
            text.append(" (not restored: ").append(this.notRestored).append(')');
        }
        return text.toString();
    }
}
