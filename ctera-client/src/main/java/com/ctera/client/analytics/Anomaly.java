package com.ctera.client.analytics;

import java.time.LocalDateTime;
import java.util.List;

import com.ctera.client.logs.LogEntry;

/**
 * Behaviour unlike the user's own baseline.
 * @param kind what is unusual
 * @param user the user
 * @param time the start of the anomalous hour, or the login's time
 * @param score the robust z-score of the hour's activity; for a login, the share of the user's earlier logins at that
 *     hour of day
 * @param explanation the figures behind the finding, in words
 * @param evidence the records of that hour (up to the evidence limit), or the login
 */
public record Anomaly(Kind kind, String user, LocalDateTime time, double score, String explanation,
        List<LogEntry> evidence) {

    public Anomaly {
        evidence = List.copyOf(evidence);
    }

    /** The kinds of anomaly. */
    public enum Kind {
        /** An hour with far more actions than the user's usual active hour (robust z-score over the threshold). */
        HOURLY_ACTIVITY,
        /** A successful login from an address the user never used before, at an hour of day they rarely log in. */
        NEW_ADDRESS_UNUSUAL_HOUR
    }
}
