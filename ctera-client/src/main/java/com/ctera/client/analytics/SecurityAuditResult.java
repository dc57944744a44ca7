package com.ctera.client.analytics;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one pass over the logs found.
 * @param from the start of the period read
 * @param to the end of the period read
 * @param recordsRead log records read
 * @param firstRecord the time of the first record read, if any
 * @param lastRecord the time of the last record read, if any
 * @param missingFields mapped log fields ({@link LogFields}) that no record had: checks that need them cannot say
 * @param recordsWithoutUser records that named no user
 * @param loginsWithoutAddress logins that recorded no source address
 * @param failedLoginsByUser bursts of failed logins per user
 * @param failedLoginsByAddress bursts of failed logins per source address
 * @param accessViolations denied operations other than logins (up to the findings limit)
 * @param accessViolationCount all denied operations
 * @param anomalies behaviour unlike each user's own baseline
 * @param usersWhoLoggedIn users with at least one successful login in the period
 * @param settings the thresholds used
 */
public record SecurityAuditResult(LocalDateTime from, LocalDateTime to, long recordsRead,
        @Nullable LocalDateTime firstRecord, @Nullable LocalDateTime lastRecord, Set<String> missingFields,
        long recordsWithoutUser, long loginsWithoutAddress, List<FailedLoginBurst> failedLoginsByUser,
        List<FailedLoginBurst> failedLoginsByAddress, List<ActivityEvent> accessViolations, long accessViolationCount,
        List<Anomaly> anomalies, Set<String> usersWhoLoggedIn, AuditSettings settings) {

    public SecurityAuditResult {
        missingFields = Set.copyOf(missingFields);
        failedLoginsByUser = List.copyOf(failedLoginsByUser);
        failedLoginsByAddress = List.copyOf(failedLoginsByAddress);
        accessViolations = List.copyOf(accessViolations);
        anomalies = List.copyOf(anomalies);
        usersWhoLoggedIn = Set.copyOf(usersWhoLoggedIn);
    }
}
