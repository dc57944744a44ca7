package com.ctera.client.analytics;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

import com.ctera.client.logs.LogEntry;

/**
 * A log record read through {@link LogFields}: who did what, from where, and whether it worked.
 * @param time when, portal time; {@code null} when the record has none
 * @param user the acting user, when the record names one
 * @param sourceAddress the client address, when recorded
 * @param action the verb, when recorded
 * @param login whether the action is a login
 * @param outcome success, failure or unknown (no outcome field)
 * @param record the log record itself, the evidence
 */
public record ActivityEvent(@Nullable LocalDateTime time, @Nullable String user, @Nullable String sourceAddress,
        @Nullable String action, boolean login, Outcome outcome, LogEntry record) {

    /** Whether an action worked, as the outcome field says. */
    public enum Outcome {
        /** Any outcome value other than the failure value. */
        SUCCESS,
        /** The configured failure value. */
        FAILURE,
        /** The record has no outcome field. */
        UNKNOWN
    }

    /** Whether this is a successful login. */
    public boolean successfulLogin() {
        return this.login && this.outcome == Outcome.SUCCESS;
    }

    /** Whether this is a failed login. */
    public boolean failedLogin() {
        return this.login && this.outcome == Outcome.FAILURE;
    }

    /** Whether this is a refused operation other than a login. */
    public boolean deniedOperation() {
        return !this.login && this.action != null && this.outcome == Outcome.FAILURE;
    }
}
