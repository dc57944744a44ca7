package com.ctera.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import com.ctera.client.analytics.ActivityEvent;
import com.ctera.client.analytics.Anomaly;
import com.ctera.client.analytics.CapacityForecast;
import com.ctera.client.analytics.ComplianceCheck;
import com.ctera.client.analytics.ComplianceReport;
import com.ctera.client.analytics.ComplianceStandard;
import com.ctera.client.analytics.FailedLoginBurst;
import com.ctera.client.analytics.PortalAnalytics;
import com.ctera.client.analytics.SecurityAuditResult;
import com.ctera.client.analytics.report.Report;
import com.ctera.client.analytics.report.ReportFormat;
import com.ctera.client.analytics.report.ReportSources;
import com.ctera.client.analytics.report.Row;

/**
 * {@code ctera reports}: one of four analytics reports of the portal's {@link PortalAnalytics}, written as JSON,
 * CSV, YAML or an offline HTML page, to a file or standard output.
 */
@Command(name = "reports", description = "Write a storage, activity, security or compliance report as json, csv, "
        + "yaml or html (--format; default: the --output file's extension, else json).")
final class ReportsCommand implements Callable<Integer> {

    private static final int FORECAST_DAYS = 30;

    private static final double FORECAST_CONFIDENCE = 0.95;

    /** The reports there are. */
    enum ReportType {
        /** Daily use and a 30-day least squares forecast with its 95 % prediction interval, charted in HTML. */
        STORAGE,
        /** The most active users: logins and other actions. */
        ACTIVITY,
        /** Failed-login bursts, denied operations and anomalies. */
        SECURITY,
        /** The concrete checks of one standard (--standard), each with its status and evidence. */
        COMPLIANCE
    }

    @ParentCommand
    @Nullable CteraCommand root;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "storage, activity, security or compliance.")
    @Nullable ReportType type;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (default: standard "
            + "output).")
    @Nullable Path output;

    @Option(names = "--days", paramLabel = "N", defaultValue = "90",
            description = "The period read, in days up to today (default 90).")
    int days;

    @Option(names = "--standard", paramLabel = "STANDARD", defaultValue = "GDPR",
            description = "For compliance: GDPR (default), HIPAA or SOC2.")
    ComplianceStandard standard = ComplianceStandard.GDPR;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "For activity: the number of users (default 10).")
    int limit;

    @Override
    public Integer call() {
        CteraCommand command = Commands.root(this.root);
        if (this.days < 1 || this.limit < 1) {
            throw new CliFailure(ExitCodes.USAGE, "--days and --limit must be at least 1, were " + this.days + " and "
                    + this.limit);
        }
        ReportFormat format = format(command.format());
        ReportType chosen = this.type;
        if (chosen == null) {
            throw new IllegalStateException("picocli always sets the required --type option");
        }
        Report report = build(command.connection().forPortal(PortalAnalytics.class), chosen);
        Path file = this.output;
        if (file == null) {
            report.export(format, command.environment().out());
            command.environment().out().flush();
            return ExitCodes.OK;
        }
        Path written = report.export(format, command.environment().workingDirectory().resolve(file));
        command.printer().done(Rows.of("path", "type", "format", "result")
            .add(written.toString(), name(chosen), name(format), "written"));
        return ExitCodes.OK;
    }

    private ReportFormat format(@Nullable OutputFormat given) {
        if (given == null) {
            String file = (this.output != null) ? this.output.getFileName().toString().toLowerCase(Locale.ROOT) : "";
            for (ReportFormat format : ReportFormat.values()) {
                if (file.endsWith("." + name(format))) {
                    return format;
                }
            }
            return ReportFormat.JSON;
        }
        return switch (given) {
            case JSON -> ReportFormat.JSON;
            case CSV -> ReportFormat.CSV;
            case YAML -> ReportFormat.YAML;
            case HTML -> ReportFormat.HTML;
            case TABLE -> throw new CliFailure(ExitCodes.USAGE, "a report is written as json, csv, yaml or html, "
                    + "not table");
        };
    }

    private Report build(PortalAnalytics analytics, ReportType chosen) {
        Duration period = Duration.ofDays(this.days);
        return switch (chosen) {
            case STORAGE -> {
                CapacityForecast forecast = analytics.storageTrends()
                    .forecast(this.days, FORECAST_DAYS, FORECAST_CONFIDENCE, (snapshot) -> true, null);
                yield analytics.report("Storage use, last " + this.days + " days, and " + FORECAST_DAYS
                        + "-day forecast: " + forecast.reason())
                    .source(ReportSources.forecast(forecast))
                    .chart(ReportSources.FORECAST_CHART)
                    .build();
            }
            case ACTIVITY -> analytics.report("Most active users, last " + this.days + " days")
                .source(ReportSources.records(analytics.userActivity().mostActiveUsers(period, this.limit)))
                .columns("user", "logins", "fileOperations")
                .build();
            case SECURITY -> {
                List<Row> findings = findings(analytics.securityAudit().audit(period));
                yield analytics.report("Security findings, last " + this.days + " days")
                    .source(findings::stream)
                    .columns("finding", "subject", "from", "to", "count", "detail")
                    .build();
            }
            case COMPLIANCE -> {
                ComplianceReport checks = analytics.securityAudit().complianceReport(this.standard, period);
                List<Row> rows = checks.checks().stream().map(ReportsCommand::checkRow).toList();
                yield analytics.report(this.standard + " checks, " + checks.from().toLocalDate() + " to "
                        + checks.to().toLocalDate())
                    .source(rows::stream)
                    .columns("check", "title", "clause", "status", "evidence", "records")
                    .build();
            }
        };
    }

    /** One row per finding, whatever its kind, so the report has fixed columns. */
    private static List<Row> findings(SecurityAuditResult audit) {
        List<Row> rows = new ArrayList<>();
        for (FailedLoginBurst burst : audit.failedLoginsByUser()) {
            rows.add(finding("failed-logins-by-user", burst));
        }
        for (FailedLoginBurst burst : audit.failedLoginsByAddress()) {
            rows.add(finding("failed-logins-by-address", burst));
        }
        for (ActivityEvent denied : audit.accessViolations()) {
            rows.add(finding("access-denied", denied.user(), denied.time(), denied.time(), 1,
                    denied.action() + " from " + denied.sourceAddress()));
        }
        for (Anomaly anomaly : audit.anomalies()) {
            rows.add(finding("anomaly-" + name(anomaly.kind()), anomaly.user(), anomaly.time(), anomaly.time(),
                    anomaly.evidence().size(), anomaly.explanation()));
        }
        return rows;
    }

    private static Row finding(String finding, FailedLoginBurst burst) {
        return finding(finding, burst.subject(), burst.first(), burst.last(), burst.attempts(),
                burst.attempts() + " failed logins");
    }

    private static Row finding(String finding, @Nullable String subject, @Nullable Object from, @Nullable Object to,
            long count, String detail) {
        return Row.empty().put("finding", finding).put("subject", subject)
            .put("from", (from != null) ? from.toString() : null).put("to", (to != null) ? to.toString() : null)
            .put("count", count).put("detail", detail);
    }

    private static Row checkRow(ComplianceCheck check) {
        return Row.empty().put("check", check.id()).put("title", check.title()).put("clause", check.clause())
            .put("status", check.status().name()).put("evidence", String.join("; ", check.evidence()))
            .put("records", check.records().size());
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
