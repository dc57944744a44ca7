package com.ctera.client.analytics;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.ctera.client.CteraPortal;
import com.ctera.client.logs.LogEntry;
import com.ctera.client.users.PortalUser;

/**
 * The security audit: failed-login bursts per user and per source address, denied operations, anomalies against
 * each user's own baseline, and compliance reports; every finding carries the log records behind it.
 */
public final class SecurityAuditAnalytics {

    private final LogSource logs;

    private final Supplier<Stream<PortalUser>> users;

    private final URI portalUrl;

    private final LogFields fields;

    private final AuditSettings settings;

    private final Clock clock;

    /**
     * @param logs where records are read
     * @param users the portal's users (for the account checks)
     * @param portalUrl the portal's address (for the transport check)
     * @param fields which log attributes mean what
     * @param settings thresholds
     * @param clock now
     */
    public SecurityAuditAnalytics(LogSource logs, Supplier<Stream<PortalUser>> users, URI portalUrl, LogFields fields,
            AuditSettings settings, Clock clock) {
        this.logs = logs;
        this.users = users;
        this.portalUrl = portalUrl;
        this.fields = fields;
        this.settings = settings;
        this.clock = clock;
    }

    /** The audit of a portal's access and audit logs. */
    public static SecurityAuditAnalytics of(CteraPortal portal, LogFields fields, AuditSettings settings,
            Clock clock) {
        return new SecurityAuditAnalytics(LogSource.of(portal), () -> portal.users().list(), portal.baseUrl(), fields,
                settings, clock);
    }

    /** Everything one pass over the last {@code period} of logs shows. */
    public SecurityAuditResult audit(Duration period) {
        return audit(period, this.settings);
    }

    private SecurityAuditResult audit(Duration period, AuditSettings with) {
        LocalDateTime to = LocalDateTime.now(this.clock);
        LocalDateTime from = to.minus(period);
        try (Stream<LogEntry> records = this.logs.records(from, to)) {
            return audit(records, this.fields, with, from, to);
        }
    }

    /** The audit of records the caller supplies, oldest first. */
    public static SecurityAuditResult audit(Stream<LogEntry> records, LogFields fields, AuditSettings settings,
            LocalDateTime from, LocalDateTime to) {
        SecurityAudit audit = new SecurityAudit(fields, settings, from, to);
        records.forEach(audit::accept);
        return audit.result();
    }

    /** Bursts of at least {@code threshold} failed logins within {@code window}, per user then per address. */
    public List<FailedLoginBurst> failedLoginAttempts(Duration period, int threshold, Duration window) {
        SecurityAuditResult result = audit(period, this.settings.withFailedLogins(threshold, window));
        List<FailedLoginBurst> bursts = new ArrayList<>(result.failedLoginsByUser());
        bursts.addAll(result.failedLoginsByAddress());
        return bursts;
    }

    /** Denied operations other than logins in the last {@code period}. */
    public List<ActivityEvent> accessViolations(Duration period) {
        return audit(period).accessViolations();
    }

    /** Anomalies against each user's own baseline in the last {@code period}. */
    public List<Anomaly> anomalies(Duration period) {
        return audit(period).anomalies();
    }

    /**
     * Concrete checks for {@code standard} over the last {@code period}; an enabled account with no login in that
     * period counts as inactive.
     */
    public ComplianceReport complianceReport(ComplianceStandard standard, Duration period) {
        SecurityAuditResult result = audit(period);
        List<PortalUser> accounts;
        try (Stream<PortalUser> all = this.users.get()) {
            accounts = all.toList();
        }
        return new ComplianceChecks(result, accounts, this.portalUrl, this.fields).report(standard);
    }
}
