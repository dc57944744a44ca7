package com.ctera.client.analytics;

import java.util.Map;

/**
 * Storage that could be reclaimed, with the evidence for it.
 * @param kind what sort of saving
 * @param subject the user, folder or file concerned
 * @param estimatedSavingsBytes bytes freed if acted on (an estimate: see {@link Kind})
 * @param evidence the facts the finding rests on, by name
 */
public record OptimizationOpportunity(Kind kind, String subject, long estimatedSavingsBytes,
        Map<String, String> evidence) {

    public OptimizationOpportunity {
        evidence = Map.copyOf(evidence);
    }

    /** The kinds of saving. */
    public enum Kind {
        /** The latest stored size of folders whose owner has not logged in for the period. */
        INACTIVE_USER_DATA,
        /** A large file not modified for the period: its size. */
        LARGE_OLD_FILE,
        /** A file with more versions than the limit: the current size times the versions beyond it. */
        MANY_VERSIONS,
        /** An item in the recycle bin: its size. */
        DELETED_ITEM
    }
}
