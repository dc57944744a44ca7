package com.ctera.autoconfigure.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

import com.ctera.client.analytics.AuditSettings;
import com.ctera.client.analytics.LogFields;

/** The ctera.analytics.* properties: analytics beans, usage snapshots, audit thresholds, log field names. */
@Validated
@ConfigurationProperties("ctera.analytics")
public class CteraAnalyticsProperties implements Validator {

    /** Whether an analytics bean is created for each portal (named after it, such as mainCteraAnalytics). */
    private boolean enabled = true;

    /** Usage snapshots recorded on a schedule. */
    private final Snapshots snapshots = new Snapshots();

    /** Thresholds of the security audit. */
    private final Audit audit = new Audit();

    /** Which log attributes mean user, source address, action and outcome (the portal's log schema is undocumented). */
    private final LogFieldNames logFields = new LogFieldNames();

    /** How far back a user's successful login makes them count in the ctera.users.active gauge. */
    private Duration activeUsersWindow = Duration.ofDays(7);

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Snapshots getSnapshots() {
        return this.snapshots;
    }

    public Audit getAudit() {
        return this.audit;
    }

    public LogFieldNames getLogFields() {
        return this.logFields;
    }

    public Duration getActiveUsersWindow() {
        return this.activeUsersWindow;
    }

    public void setActiveUsersWindow(Duration activeUsersWindow) {
        this.activeUsersWindow = activeUsersWindow;
    }

    /** The audit settings these properties describe. */
    AuditSettings auditSettings() {
        AuditSettings defaults = AuditSettings.defaults();
        return new AuditSettings(this.audit.failedLoginThreshold, this.audit.failedLoginWindow,
                this.audit.anomalyScore, defaults.minBaselineHours(), defaults.minBaselineLogins(),
                defaults.unusualHourShare(), defaults.anomaliesPerUser(), this.audit.evidencePerFinding,
                defaults.maxFindings());
    }

    /** The log field mapping these properties describe. */
    LogFields fields() {
        return new LogFields(this.logFields.user, this.logFields.sourceAddress, this.logFields.action,
                this.logFields.outcome, this.logFields.loginAction, this.logFields.failureOutcome);
    }

    @Override
    public boolean supports(Class<?> type) {
        return CteraAnalyticsProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        CteraAnalyticsProperties properties = (CteraAnalyticsProperties) target;
        positive(errors, "snapshots.interval", properties.snapshots.interval);
        positive(errors, "active-users-window", properties.activeUsersWindow);
        positive(errors, "audit.failed-login-window", properties.audit.failedLoginWindow);
        if (properties.snapshots.initialDelay.isNegative()) {
            reject(errors, "snapshots.initial-delay", "must not be negative, was " + properties.snapshots.initialDelay);
        }
        if (properties.audit.failedLoginThreshold < 1) {
            reject(errors, "audit.failed-login-threshold",
                    "must be at least 1, was " + properties.audit.failedLoginThreshold);
        }
        if (!(properties.audit.anomalyScore > 0)) {
            reject(errors, "audit.anomaly-score", "must be positive, was " + properties.audit.anomalyScore);
        }
        if (properties.audit.evidencePerFinding < 1) {
            reject(errors, "audit.evidence-per-finding",
                    "must be at least 1, was " + properties.audit.evidencePerFinding);
        }
        LogFieldNames names = properties.logFields;
        String[][] fields = { { "user", names.user }, { "source-address", names.sourceAddress },
                { "action", names.action }, { "outcome", names.outcome }, { "login-action", names.loginAction },
                { "failure-outcome", names.failureOutcome } };
        for (String[] field : fields) {
            if (field[1] == null || field[1].isBlank()) {
                reject(errors, "log-fields." + field[0], "must name a log attribute, was blank");
            }
        }
    }

    private static void positive(Errors errors, String property, Duration value) {
        if (value.isZero() || value.isNegative()) {
            reject(errors, property, "must be positive, was " + value);
        }
    }

    private static void reject(Errors errors, String property, String problem) {
        String name = "ctera.analytics." + property;
        // The bean path of a kebab-case property: "audit.failed-login-window" is "audit.failedLoginWindow".
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            if (c == '-' && i + 1 < property.length()) {
                field.append(Character.toUpperCase(property.charAt(++i)));
            }
            else {
                field.append(c);
            }
        }
        errors.rejectValue(field.toString(), name, name + " " + problem);
    }

    /** Usage snapshots recorded on a schedule into the snapshot store. */
    public static class Snapshots {

        /** Whether snapshots are recorded on a schedule. */
        private boolean enabled = true;

        /** Time between two snapshots of every portal. */
        private Duration interval = Duration.ofHours(1);

        /** Time from startup to the first snapshot. */
        private Duration initialDelay = Duration.ofMinutes(1);

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return this.interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getInitialDelay() {
            return this.initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }
    }

    /** Thresholds of the security audit. */
    public static class Audit {

        /** Failed logins of one user, or from one address, within the window that make a burst. */
        private int failedLoginThreshold = 5;

        /** The window those failed logins must fall in. */
        private Duration failedLoginWindow = Duration.ofMinutes(10);

        /** Robust z-score above which an hour of a user's activity is anomalous against their own baseline. */
        private double anomalyScore = 3.5;

        /** Most log records kept as the evidence of one finding (counts are always complete). */
        private int evidencePerFinding = 100;

        public int getFailedLoginThreshold() {
            return this.failedLoginThreshold;
        }

        public void setFailedLoginThreshold(int failedLoginThreshold) {
            this.failedLoginThreshold = failedLoginThreshold;
        }

        public Duration getFailedLoginWindow() {
            return this.failedLoginWindow;
        }

        public void setFailedLoginWindow(Duration failedLoginWindow) {
            this.failedLoginWindow = failedLoginWindow;
        }

        public double getAnomalyScore() {
            return this.anomalyScore;
        }

        public void setAnomalyScore(double anomalyScore) {
            this.anomalyScore = anomalyScore;
        }

        public int getEvidencePerFinding() {
            return this.evidencePerFinding;
        }

        public void setEvidencePerFinding(int evidencePerFinding) {
            this.evidencePerFinding = evidencePerFinding;
        }
    }

    /** Log attribute names; the defaults are what the embedded simulator writes. */
    public static class LogFieldNames {

        /** The attribute naming the acting user. */
        private String user = "username";

        /** The attribute holding the client's address. */
        private String sourceAddress = "ipAddress";

        /** The attribute holding the verb (login, upload, delete, ...). */
        private String action = "action";

        /** The attribute saying whether the action succeeded. */
        private String outcome = "result";

        /** The value of the action attribute for a login. */
        private String loginAction = "login";

        /** The value of the outcome attribute for a failure. */
        private String failureOutcome = "failure";

        public String getUser() {
            return this.user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public String getSourceAddress() {
            return this.sourceAddress;
        }

        public void setSourceAddress(String sourceAddress) {
            this.sourceAddress = sourceAddress;
        }

        public String getAction() {
            return this.action;
        }

        public void setAction(String action) {
            this.action = action;
        }

        public String getOutcome() {
            return this.outcome;
        }

        public void setOutcome(String outcome) {
            this.outcome = outcome;
        }

        public String getLoginAction() {
            return this.loginAction;
        }

        public void setLoginAction(String loginAction) {
            this.loginAction = loginAction;
        }

        public String getFailureOutcome() {
            return this.failureOutcome;
        }

        public void setFailureOutcome(String failureOutcome) {
            this.failureOutcome = failureOutcome;
        }
    }
}
