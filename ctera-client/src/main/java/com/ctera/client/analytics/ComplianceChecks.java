package com.ctera.client.analytics;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.ctera.client.analytics.ComplianceCheck.Status;
import com.ctera.client.logs.LogEntry;
import com.ctera.client.users.PortalUser;
import com.ctera.client.users.UserRole;

/** Turns one audit pass, the user list and the portal address into the checks of a standard. */
final class ComplianceChecks {

    /** Most administrators, as a share of enabled accounts, that least privilege allows here. */
    static final double MAX_ADMIN_SHARE = 0.10;

    private static final Map<String, Map<ComplianceStandard, String>> CLAUSES = Map.of(
            "AUDIT_TRAIL", clauses("Art. 30, Art. 32(1)(d)", "§164.312(b) audit controls", "CC7.2"),
            "USER_ATTRIBUTION", clauses("Art. 5(2) accountability", "§164.312(a)(2)(i) unique user identification",
                    "CC6.1"),
            "LOGIN_SOURCE_RECORDED", clauses("Art. 32(1)(d)", "§164.312(b) audit controls", "CC7.2"),
            "BRUTE_FORCE", clauses("Art. 32(1)(b)", "§164.308(a)(5)(ii)(C) log-in monitoring", "CC6.1, CC7.2"),
            "ACCESS_DENIALS", clauses("Art. 32(1)(b)", "§164.308(a)(1)(ii)(D) information system activity review",
                    "CC6.1"),
            "ANOMALOUS_BEHAVIOUR", clauses("Art. 33 breach detection", "§164.308(a)(6)(ii) security incidents",
                    "CC7.3"),
            "INACTIVE_ACCOUNTS", clauses("Art. 32(1)(b)", "§164.308(a)(3)(ii)(C) termination procedures", "CC6.2"),
            "LEAST_PRIVILEGE", clauses("Art. 25 data protection by design", "§164.308(a)(4) access authorization",
                    "CC6.3"),
            "ENCRYPTION_IN_TRANSIT", clauses("Art. 32(1)(a)", "§164.312(e)(1) transmission security", "CC6.7"),
            "RETENTION_POLICY", clauses("Art. 5(1)(e) storage limitation", "§164.316(b)(2)(i) retention",
                    "C1.2"));

    private final SecurityAuditResult audit;

    private final List<PortalUser> accounts;

    private final URI portalUrl;

    private final LogFields fields;

    ComplianceChecks(SecurityAuditResult audit, List<PortalUser> accounts, URI portalUrl, LogFields fields) {
        this.audit = audit;
        this.accounts = accounts;
        this.portalUrl = portalUrl;
        this.fields = fields;
    }

    ComplianceReport report(ComplianceStandard standard) {
        List<ComplianceCheck> checks = new ArrayList<>();
        checks.add(auditTrail(standard));
        checks.add(userAttribution(standard));
        checks.add(loginSource(standard));
        checks.add(bruteForce(standard));
        checks.add(accessDenials(standard));
        checks.add(anomalies(standard));
        checks.add(inactiveAccounts(standard));
        checks.add(leastPrivilege(standard));
        checks.add(encryptionInTransit(standard));
        checks.add(check(standard, "RETENTION_POLICY", "Data is kept no longer than the retention policy allows",
                Status.CANNOT_DETERMINE, List.of("The portal's retention and recycle-bin policies are not readable "
                        + "through this client; review them in the portal"), List.of()));
        return new ComplianceReport(standard, this.audit.from(), this.audit.to(), checks);
    }

    private ComplianceCheck auditTrail(ComplianceStandard standard) {
        String title = "Access and audit logs hold records for the period";
        if (this.audit.recordsRead() == 0) {
            return check(standard, "AUDIT_TRAIL", title, Status.FAIL, List.of("No access or audit record between "
                    + this.audit.from() + " and " + this.audit.to()), List.of());
        }
        return check(standard, "AUDIT_TRAIL", title, Status.PASS, List.of(this.audit.recordsRead()
                + " records from " + this.audit.firstRecord() + " to " + this.audit.lastRecord()), List.of());
    }

    private ComplianceCheck userAttribution(ComplianceStandard standard) {
        String title = "Every logged action names the user who did it";
        if (missing(this.fields.user())) {
            return cannotDetermine(standard, "USER_ATTRIBUTION", title, this.fields.user());
        }
        if (this.audit.recordsWithoutUser() > 0) {
            return check(standard, "USER_ATTRIBUTION", title, Status.FAIL, List.of(this.audit.recordsWithoutUser()
                    + " of " + this.audit.recordsRead() + " records name no user"), List.of());
        }
        return check(standard, "USER_ATTRIBUTION", title, Status.PASS, List.of("All " + this.audit.recordsRead()
                + " records name a user in '" + this.fields.user() + "'"), List.of());
    }

    private ComplianceCheck loginSource(ComplianceStandard standard) {
        String title = "Every login records its source address";
        if (missing(this.fields.sourceAddress(), this.fields.action())) {
            return cannotDetermine(standard, "LOGIN_SOURCE_RECORDED", title, this.fields.sourceAddress(),
                    this.fields.action());
        }
        return (this.audit.loginsWithoutAddress() > 0)
                ? check(standard, "LOGIN_SOURCE_RECORDED", title, Status.FAIL, List.of(
                        this.audit.loginsWithoutAddress() + " logins without a source address"), List.of())
                : check(standard, "LOGIN_SOURCE_RECORDED", title, Status.PASS, List.of(
                        "Every login has '" + this.fields.sourceAddress() + "'"), List.of());
    }

    private ComplianceCheck bruteForce(ComplianceStandard standard) {
        AuditSettings settings = this.audit.settings();
        String title = "No user or address reaches " + settings.failedLoginThreshold() + " failed logins within "
                + settings.failedLoginWindow();
        if (missing(this.fields.action(), this.fields.outcome())) {
            return cannotDetermine(standard, "BRUTE_FORCE", title, this.fields.action(), this.fields.outcome());
        }
        List<FailedLoginBurst> bursts = new ArrayList<>(this.audit.failedLoginsByUser());
        bursts.addAll(this.audit.failedLoginsByAddress());
        if (bursts.isEmpty()) {
            return check(standard, "BRUTE_FORCE", title, Status.PASS, List.of("No burst of failed logins"),
                    List.of());
        }
        List<String> evidence = bursts.stream().map(burst -> String.format(Locale.ROOT,
                "%d failed logins for %s %s from %s to %s", burst.attempts(),
                burst.by().name().toLowerCase(Locale.ROOT).replace('_', ' '), burst.subject(), burst.first(),
                burst.last())).toList();
        return check(standard, "BRUTE_FORCE", title, Status.FAIL, evidence,
                bursts.stream().flatMap(burst -> burst.evidence().stream()).distinct().toList());
    }

    private ComplianceCheck accessDenials(ComplianceStandard standard) {
        String title = "No denied attempt to read or change data";
        if (missing(this.fields.action(), this.fields.outcome())) {
            return cannotDetermine(standard, "ACCESS_DENIALS", title, this.fields.action(), this.fields.outcome());
        }
        if (this.audit.accessViolationCount() == 0) {
            return check(standard, "ACCESS_DENIALS", title, Status.PASS, List.of("No denied operation"), List.of());
        }
        List<String> evidence = this.audit.accessViolations().stream().map(event -> event.time() + " "
                + event.user() + " denied " + event.action()).toList();
        return check(standard, "ACCESS_DENIALS", title, Status.FAIL, evidence,
                this.audit.accessViolations().stream().map(ActivityEvent::record).toList());
    }

    private ComplianceCheck anomalies(ComplianceStandard standard) {
        String title = "No account behaves unlike its own baseline";
        if (missing(this.fields.user())) {
            return cannotDetermine(standard, "ANOMALOUS_BEHAVIOUR", title, this.fields.user());
        }
        if (this.audit.anomalies().isEmpty()) {
            return check(standard, "ANOMALOUS_BEHAVIOUR", title, Status.PASS, List.of("No anomaly"), List.of());
        }
        return check(standard, "ANOMALOUS_BEHAVIOUR", title, Status.FAIL,
                this.audit.anomalies().stream().map(anomaly -> anomaly.user() + " at " + anomaly.time() + ": "
                        + anomaly.explanation()).toList(),
                this.audit.anomalies().stream().flatMap(anomaly -> anomaly.evidence().stream()).toList());
    }

    private ComplianceCheck inactiveAccounts(ComplianceStandard standard) {
        String title = "Every enabled account logged in during the period";
        if (missing(this.fields.user(), this.fields.action(), this.fields.outcome())) {
            return cannotDetermine(standard, "INACTIVE_ACCOUNTS", title, this.fields.user(), this.fields.action(),
                    this.fields.outcome());
        }
        Set<String> active = this.audit.usersWhoLoggedIn();
        List<String> inactive = enabled().stream().map(PortalUser::name).filter(name -> !active.contains(name))
            .sorted().toList();
        if (inactive.isEmpty()) {
            return check(standard, "INACTIVE_ACCOUNTS", title, Status.PASS, List.of("All " + enabled().size()
                    + " enabled accounts logged in since " + this.audit.from()), List.of());
        }
        return check(standard, "INACTIVE_ACCOUNTS", title, Status.FAIL, List.of(inactive.size()
                + " enabled accounts with no login since " + this.audit.from() + ": " + String.join(", ", inactive)),
                List.of());
    }

    private ComplianceCheck leastPrivilege(ComplianceStandard standard) {
        List<PortalUser> enabled = enabled();
        List<String> admins = enabled.stream()
            .filter(user -> user.knownRole().map(role -> role == UserRole.READ_WRITE_ADMIN).orElse(false))
            .map(PortalUser::name).sorted().toList();
        String title = String.format(Locale.ROOT, "Full administrators are at most %.0f %% of enabled accounts",
                MAX_ADMIN_SHARE * 100);
        if (enabled.isEmpty()) {
            return check(standard, "LEAST_PRIVILEGE", title, Status.CANNOT_DETERMINE,
                    List.of("The session sees no enabled account"), List.of());
        }
        double share = (double) admins.size() / enabled.size();
        return check(standard, "LEAST_PRIVILEGE", title, (share <= MAX_ADMIN_SHARE) ? Status.PASS : Status.FAIL,
                List.of(String.format(Locale.ROOT, "%d of %d enabled accounts (%.1f %%) are full administrators: %s",
                        admins.size(), enabled.size(), share * 100, String.join(", ", admins))),
                List.of());
    }

    private ComplianceCheck encryptionInTransit(ComplianceStandard standard) {
        boolean https = "https".equalsIgnoreCase(this.portalUrl.getScheme());
        return check(standard, "ENCRYPTION_IN_TRANSIT", "The portal is reached over TLS",
                https ? Status.PASS : Status.FAIL, List.of("Portal address scheme: " + this.portalUrl.getScheme()),
                List.of());
    }

    private List<PortalUser> enabled() {
        return this.accounts.stream()
            .filter(user -> user.knownRole().map(role -> role != UserRole.DISABLED).orElse(true))
            .toList();
    }

    private boolean missing(String... fieldNames) {
        for (String field : fieldNames) {
            if (this.audit.missingFields().contains(field)) {
                return true;
            }
        }
        return this.audit.recordsRead() == 0;
    }

    private ComplianceCheck cannotDetermine(ComplianceStandard standard, String id, String title,
            String... fieldNames) {
        String absent = Arrays.stream(fieldNames).filter(this.audit.missingFields()::contains)
            .collect(Collectors.joining("', '"));
        String why = (this.audit.recordsRead() == 0) ? "No log record was read"
                : "No log record has the field '" + absent + "' (ctera.analytics.log-fields)";
        return check(standard, id, title, Status.CANNOT_DETERMINE, List.of(why), List.of());
    }

    private static ComplianceCheck check(ComplianceStandard standard, String id, String title, Status status,
            List<String> evidence, List<LogEntry> records) {
        return new ComplianceCheck(id, title, CLAUSES.get(id).get(standard), status, evidence, records);
    }

    private static Map<ComplianceStandard, String> clauses(String gdpr, String hipaa, String soc2) {
        return Map.of(ComplianceStandard.GDPR, "GDPR " + gdpr, ComplianceStandard.HIPAA, "HIPAA " + hipaa,
                ComplianceStandard.SOC2, "SOC 2 " + soc2);
    }
}
