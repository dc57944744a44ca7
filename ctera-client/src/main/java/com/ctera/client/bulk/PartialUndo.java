package com.ctera.client.bulk;

import java.util.Objects;

/**
 * What a compensating action emits when it could undo its item only in part: the item is reported
 * {@link ItemOutcome#ROLLED_BACK} with a note saying what was not restored, so no gap is silent.
 * @param notRestored what still differs from before the item ran, such as a password that cannot be read back
 */
public record PartialUndo(String notRestored) {

    public PartialUndo {
        Objects.requireNonNull(notRestored, "notRestored");
    }
}
