package com.ctera.client.analytics;

import java.util.List;

import com.ctera.client.logs.LogEntry;

/**
 * One concrete check of a compliance report.
 * @param id a stable identifier, such as {@code BRUTE_FORCE}
 * @param title what is checked
 * @param clause the standard's provision the check supports
 * @param status the outcome
 * @param evidence the facts the outcome rests on, in words
 * @param records log records behind the outcome (up to the evidence limit)
 */
public record ComplianceCheck(String id, String title, String clause, Status status, List<String> evidence,
        List<LogEntry> records) {

    public ComplianceCheck {
        evidence = List.copyOf(evidence);
        records = List.copyOf(records);
    }

    /** A check's outcome. */
    public enum Status {
        /** The data shows the control working. */
        PASS,
        /** The data shows a gap. */
        FAIL,
        /** The data available cannot show either (a log field is missing, or the portal does not expose it). */
        CANNOT_DETERMINE
    }
}
