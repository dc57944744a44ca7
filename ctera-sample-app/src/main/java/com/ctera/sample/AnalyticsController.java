package com.ctera.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.analytics.CapacityForecast;
import com.ctera.client.analytics.ComplianceCheck;
import com.ctera.client.analytics.ComplianceReport;
import com.ctera.client.analytics.ComplianceStandard;
import com.ctera.client.analytics.PortalAnalytics;
import com.ctera.client.analytics.SecurityAuditResult;
import com.ctera.client.analytics.report.Aggregation;
import com.ctera.client.analytics.report.Report;
import com.ctera.client.analytics.report.ReportFormat;
import com.ctera.client.analytics.report.ReportSources;
import com.ctera.client.analytics.report.Row;

/**
 * One page per analytic of the primary portal's last 90 days, linked from the home page. The analytics read the
 * portal with the blocking API, so each page is computed on a worker thread, never on the event loop.
 */
@RestController
class AnalyticsController {

    private static final Duration PERIOD = Duration.ofDays(91);

    private final PortalAnalytics analytics;

    AnalyticsController(PortalAnalytics analytics) {
        this.analytics = analytics;
    }

    /** The home page: links to every analytic and to the service's other endpoints. */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home() {
        return SecurityAuditPage.page("CTERA sample app", "<ul>"
                + "<li><a href=\"/analytics/storage\">Storage trend and 30-day forecast</a></li>"
                + "<li><a href=\"/analytics/security\">Security audit with its evidence</a></li>"
                + "<li><a href=\"/analytics/compliance?standard=GDPR\">GDPR</a>, "
                + "<a href=\"/analytics/compliance?standard=HIPAA\">HIPAA</a> and "
                + "<a href=\"/analytics/compliance?standard=SOC2\">SOC 2</a> checks</li>"
                + "<li><a href=\"/analytics/activity\">Most active users</a> "
                + "(<a href=\"/analytics/activity?format=csv\">CSV</a>, "
                + "<a href=\"/analytics/activity?format=json\">JSON</a>, "
                + "<a href=\"/analytics/activity?format=yaml\">YAML</a>)</li>"
                + "<li><a href=\"/analytics/inactive\">Users with no login in 30 days</a></li>"
                + "<li><a href=\"/users\">Users</a>, <a href=\"/devices\">devices</a>, "
                + "<a href=\"/actuator/health\">health</a>, <a href=\"/actuator/prometheus\">metrics</a></li></ul>");
    }

    /** Daily use over 90 days, the least squares forecast 30 days ahead and its 95 % prediction interval. */
    @GetMapping("/analytics/storage")
    Mono<ResponseEntity<byte[]>> storage(@RequestParam(defaultValue = "html") String format) {
        return blocking(() -> {
            CapacityForecast forecast = this.analytics.storageTrends().forecast(91, 30, 0.95, snapshot -> true, null);
            Report report = this.analytics.report("Storage: " + forecast.reason())
                .source(ReportSources.forecast(forecast)).chart(ReportSources.FORECAST_CHART).build();
            return export(report, format);
        });
    }

    /** Failed-login bursts, denied operations and anomalies, each with the log records behind it. */
    @GetMapping(path = "/analytics/security", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> security() {
        return blocking(() -> {
            SecurityAuditResult audit = this.analytics.securityAudit().audit(PERIOD);
            return SecurityAuditPage.render(audit);
        });
    }

    /** The concrete checks of one standard, with their status and evidence. */
    @GetMapping("/analytics/compliance")
    Mono<ResponseEntity<byte[]>> compliance(@RequestParam(defaultValue = "GDPR") String standard,
            @RequestParam(defaultValue = "html") String format) {
        ComplianceStandard chosen;
        try {
            chosen = ComplianceStandard.valueOf(standard.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return Mono.error(new IllegalArgumentException("standard must be one of GDPR, HIPAA, SOC2, was "
                    + standard));
        }
        return blocking(() -> {
            ComplianceReport report = this.analytics.securityAudit().complianceReport(chosen, PERIOD);
            List<Row> rows = report.checks().stream().map(AnalyticsController::checkRow).toList();
            return export(this.analytics.report(chosen + " checks, " + report.from().toLocalDate() + " to "
                    + report.to().toLocalDate()).source(rows::stream).build(), format);
        });
    }

    /** The ten most active users of the period, with their logins and file operations. */
    @GetMapping("/analytics/activity")
    Mono<ResponseEntity<byte[]>> activity(@RequestParam(defaultValue = "html") String format) {
        return blocking(() -> export(this.analytics.report("Most active users, last 90 days")
            .source(ReportSources.records(this.analytics.userActivity().mostActiveUsers(PERIOD, 10)))
            .columns("user", "logins", "fileOperations").build(), format));
    }

    /** Enabled users without a login in 30 days, grouped by role. */
    @GetMapping("/analytics/inactive")
    Mono<ResponseEntity<byte[]>> inactive(@RequestParam(defaultValue = "html") String format) {
        return blocking(() -> export(this.analytics.report("Users with no login in 30 days, by role")
            .source(ReportSources.records(this.analytics.userActivity().inactiveUsers(30)))
            .groupBy("role").aggregate(Aggregation.count()).sortBy("count", true).build(), format));
    }

    private static Row checkRow(ComplianceCheck check) {
        return Row.empty().put("check", check.id()).put("title", check.title()).put("clause", check.clause())
            .put("status", check.status().name()).put("evidence", String.join("; ", check.evidence()))
            .put("records", check.records().size());
    }

    private static ResponseEntity<byte[]> export(Report report, String format) {
        ReportFormat chosen;
        try {
            chosen = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("format must be one of html, csv, json, yaml, was " + format);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.export(chosen, out);
        MediaType type = switch (chosen) {
            case HTML -> MediaType.TEXT_HTML;
            case CSV -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case JSON -> MediaType.APPLICATION_JSON;
            case YAML -> MediaType.APPLICATION_YAML;
        };
        return ResponseEntity.ok().contentType(type).body(out.toByteArray());
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
