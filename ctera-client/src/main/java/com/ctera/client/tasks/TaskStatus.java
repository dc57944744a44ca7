package com.ctera.client.tasks;

import java.util.Locale;

/** The running state of a background task, as the portal writes it (protocol §5.9). */
public enum TaskStatus {

    /** {@code disabled}: terminal. */
    DISABLED("disabled", true),

    /** {@code running}. */
    RUNNING("running", false),

    /** {@code completed}: terminal, success. */
    COMPLETED("completed", true),

    /** {@code failed}: terminal. */
    FAILED("failed", true),

    /** {@code retrying}. */
    RETRYING("retrying", false),

    /** {@code waiting}. */
    WAITING("waiting", false),

    /** {@code stopping}. */
    STOPPING("stopping", false),

    /** {@code stopped}: terminal. */
    STOPPED("stopped", true),

    /** {@code completed with warnings}: terminal; a file task may still have failed on some items. */
    COMPLETED_WITH_WARNINGS("completed with warnings", true),

    /** A state this client does not know; treated as still running. */
    UNKNOWN("", false);

    private final String wireName;

    private final boolean terminal;

    TaskStatus(String wireName, boolean terminal) {
        this.wireName = wireName;
        this.terminal = terminal;
    }

    /** The status text the portal writes. */
    public String wireName() {
        return this.wireName;
    }

    /** Whether the task has ended and will not change again. */
    public boolean terminal() {
        return this.terminal;
    }

    /** The status for a portal text, {@link #UNKNOWN} for any other text. */
    public static TaskStatus fromWire(String text) {
        String normalized = text.trim().toLowerCase(Locale.ROOT);
        for (TaskStatus status : values()) {
            if (status != UNKNOWN && status.wireName.equals(normalized)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
