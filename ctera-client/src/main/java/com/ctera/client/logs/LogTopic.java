package com.ctera.client.logs;

import java.util.Locale;

/** The log a record belongs to ({@code topic}, protocol §5.7). */
public enum LogTopic {

    /** System events. */
    SYSTEM,

    /** Backup events. */
    BACKUP,

    /** Cloud sync events. */
    CLOUDSYNC,

    /** File access events. */
    ACCESS,

    /** Administrative audit events. */
    AUDIT;

    /** The topic as the portal writes it, lower-case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
