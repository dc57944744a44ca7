package com.ctera.client.analytics;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Concrete checks for one standard over one period; never a single "compliant" verdict.
 * @param standard the standard
 * @param from the start of the period the logs were read for
 * @param to its end
 * @param checks the checks, each with its evidence
 */
public record ComplianceReport(ComplianceStandard standard, LocalDateTime from, LocalDateTime to,
        List<ComplianceCheck> checks) {

    public ComplianceReport {
        checks = List.copyOf(checks);
    }

    /** How many checks have this status. */
    public long count(ComplianceCheck.Status status) {
        return this.checks.stream().filter(check -> check.status() == status).count();
    }
}
