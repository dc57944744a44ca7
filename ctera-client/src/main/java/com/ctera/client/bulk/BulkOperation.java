package com.ctera.client.bulk;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One item of a bulk job: an id that names it in progress and results, the action, and optionally the action that
 * undoes it. Both are cold: nothing happens until the job subscribes, and the compensation only after the action
 * succeeded.
 * @param id the item's name in results, such as a user name or a path; unique within a job
 * @param action starts the item's work; told of bytes moved through the {@link ItemProgress}
 * @param compensation undoes a succeeded action, or {@code null} when it cannot be undone
 */
public record BulkOperation(String id, Function<ItemProgress, Mono<?>> action, @Nullable Mono<?> compensation) {

    public BulkOperation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
    }

    /** An item with no compensating action. */
    public static BulkOperation of(String id, Mono<?> action) {
        Objects.requireNonNull(action, "action");
        return new BulkOperation(id, progress -> action, null);
    }

    /** An item undone by {@code compensation} when the job rolls back. */
    public static BulkOperation of(String id, Mono<?> action, Mono<?> compensation) {
        Objects.requireNonNull(action, "action");
        return new BulkOperation(id, progress -> action, Objects.requireNonNull(compensation, "compensation"));
    }

    /** This item with a compensating action. */
    public BulkOperation withCompensation(Mono<?> compensation) {
        return new BulkOperation(this.id, this.action, Objects.requireNonNull(compensation, "compensation"));
    }
}
