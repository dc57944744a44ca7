package com.ctera.client.bulk;

/** How one item of a bulk job ended. */
public enum ItemOutcome {

    /** The action succeeded and stands. */
    SUCCEEDED,

    /** The action failed; the result carries the cause. */
    FAILED,

    /** The action was never started: the job was aborted or cancelled first. */
    SKIPPED,

    /** The action succeeded and was then undone by its compensating action. */
    ROLLED_BACK,

    /** The action succeeded, and its compensating action failed every attempt; the result carries that cause. */
    ROLLBACK_FAILED
}
