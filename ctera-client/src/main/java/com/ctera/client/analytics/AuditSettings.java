package com.ctera.client.analytics;

import java.time.Duration;

/**
 * Thresholds of the security audit.
 * @param failedLoginThreshold failed logins within {@code failedLoginWindow} that make a burst
 * @param failedLoginWindow the window those failures must fall in
 * @param anomalyScore the robust z-score above which an hour of a user's activity is anomalous (3.5 after Iglewicz
 *     and Hoaglin)
 * @param minBaselineHours active hours a user needs before their activity is judged against their own baseline
 * @param minBaselineLogins logins a user needs before a login from a new address at an unusual hour is flagged
 * @param unusualHourShare a login hour of day is unusual when fewer than this share of the user's logins fell in it
 * @param anomaliesPerUser most anomalous hours kept per user (the highest scores)
 * @param evidencePerFinding most log records kept as evidence of one finding (the count is always complete)
 * @param maxFindings most findings of each kind kept (the counts are always complete)
 */
public record AuditSettings(int failedLoginThreshold, Duration failedLoginWindow, double anomalyScore,
        int minBaselineHours, int minBaselineLogins, double unusualHourShare, int anomaliesPerUser,
        int evidencePerFinding, int maxFindings) {

    public AuditSettings {
        UserActivityAnalytics.requirePositive(failedLoginThreshold, "failedLoginThreshold");
        if (failedLoginWindow.isZero() || failedLoginWindow.isNegative()) {
            throw new IllegalArgumentException("failedLoginWindow must be positive, was " + failedLoginWindow);
        }
        if (!(anomalyScore > 0)) {
            throw new IllegalArgumentException("anomalyScore must be positive, was " + anomalyScore);
        }
        UserActivityAnalytics.requirePositive(minBaselineHours, "minBaselineHours");
        UserActivityAnalytics.requirePositive(minBaselineLogins, "minBaselineLogins");
        if (!(unusualHourShare > 0 && unusualHourShare < 1)) {
            throw new IllegalArgumentException("unusualHourShare must be between 0 and 1, was " + unusualHourShare);
        }
        UserActivityAnalytics.requirePositive(anomaliesPerUser, "anomaliesPerUser");
        UserActivityAnalytics.requirePositive(evidencePerFinding, "evidencePerFinding");
        UserActivityAnalytics.requirePositive(maxFindings, "maxFindings");
    }

    /** 5 failures in 10 minutes, z above 3.5 over at least 10 active hours, 10 logins, 5 %, 5, 100, 1000. */
    public static AuditSettings defaults() {
        return new AuditSettings(5, Duration.ofMinutes(10), 3.5, 10, 10, 0.05, 5, 100, 1000);
    }

    /** These settings with another failed-login threshold and window. */
    public AuditSettings withFailedLogins(int threshold, Duration window) {
        return new AuditSettings(threshold, window, this.anomalyScore, this.minBaselineHours, this.minBaselineLogins,
                this.unusualHourShare, this.anomaliesPerUser, this.evidencePerFinding, this.maxFindings);
    }
}
