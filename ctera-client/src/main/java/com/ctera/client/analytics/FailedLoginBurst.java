package com.ctera.client.analytics;

import java.time.LocalDateTime;
import java.util.List;

import com.ctera.client.logs.LogEntry;

/**
 * Failed logins of one user, or from one address, that reached the threshold within the window.
 * @param by whether {@code subject} is a user or a source address
 * @param subject the user name or the address
 * @param first the first failure of the burst
 * @param last the last failure of the burst
 * @param attempts failures in the burst
 * @param evidence the failed-login records (the first ones, up to the evidence limit)
 */
public record FailedLoginBurst(Subject by, String subject, LocalDateTime first, LocalDateTime last, long attempts,
        List<LogEntry> evidence) {

    public FailedLoginBurst {
        evidence = List.copyOf(evidence);
    }

    /** What the failures were grouped by. */
    public enum Subject {
        /** The attempted user name. */
        USER,
        /** The client address. */
        SOURCE_ADDRESS
    }
}
