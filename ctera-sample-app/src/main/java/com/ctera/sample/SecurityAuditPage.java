package com.ctera.sample;

import java.util.List;
import java.util.Locale;

import com.ctera.client.analytics.ActivityEvent;
import com.ctera.client.analytics.Anomaly;
import com.ctera.client.analytics.FailedLoginBurst;
import com.ctera.client.analytics.SecurityAuditResult;
import com.ctera.client.logs.LogEntry;

/** The security audit as one HTML page: each finding, then the log records behind it. */
final class SecurityAuditPage {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:"
            + "collapse;font-size:.85rem}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}"
            + "details{margin:.3rem 0 .8rem}summary{cursor:pointer}";

    private SecurityAuditPage() {
    }

    static String render(SecurityAuditResult audit) {
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(audit.recordsRead()).append(" log records from ").append(audit.from().toLocalDate())
            .append(" to ").append(audit.to().toLocalDate()).append(". Thresholds: ")
            .append(audit.settings().failedLoginThreshold()).append(" failed logins within ")
            .append(audit.settings().failedLoginWindow()).append("; robust z-score above ")
            .append(audit.settings().anomalyScore()).append(".</p>");
        if (!audit.missingFields().isEmpty()) {
            body.append("<p><strong>No record has the fields ").append(escape(audit.missingFields().toString()))
                .append(": the findings that need them cannot be determined.</strong></p>");
        }
        body.append("<h2>Failed-login bursts per user</h2>");
        bursts(body, audit.failedLoginsByUser());
        body.append("<h2>Failed-login bursts per source address</h2>");
        bursts(body, audit.failedLoginsByAddress());
        body.append("<h2>Denied operations (").append(audit.accessViolationCount()).append(")</h2>");
        records(body, audit.accessViolations().stream().map(ActivityEvent::record).toList());
        body.append("<h2>Anomalies against each user's own baseline</h2>");
        for (Anomaly anomaly : audit.anomalies()) {
            body.append("<details><summary>").append(escape(anomaly.user())).append(" at ").append(anomaly.time())
                .append(": ").append(escape(anomaly.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                .append(" — ").append(escape(anomaly.explanation())).append("</summary>");
            records(body, anomaly.evidence());
            body.append("</details>");
        }
        return page("Security audit", body.toString());
    }

    private static void bursts(StringBuilder body, List<FailedLoginBurst> bursts) {
        if (bursts.isEmpty()) {
            body.append("<p>None.</p>");
        }
        for (FailedLoginBurst burst : bursts) {
            body.append("<details><summary>").append(escape(burst.subject())).append(": ").append(burst.attempts())
                .append(" failed logins from ").append(burst.first()).append(" to ").append(burst.last())
                .append("</summary>");
            records(body, burst.evidence());
            body.append("</details>");
        }
    }

    private static void records(StringBuilder body, List<LogEntry> records) {
        body.append("<table><tr><th>time</th><th>user</th><th>address</th><th>action</th><th>result</th>"
                + "<th>message</th></tr>");
        for (LogEntry record : records) {
            body.append("<tr><td>").append(record.time()).append("</td>");
            for (String field : List.of("username", "ipAddress", "action", "result")) {
                String value = record.attribute(field);
                body.append("<td>").append((value != null) ? escape(value) : "").append("</td>");
            }
            body.append("<td>").append((record.message() != null) ? escape(record.message()) : "")
                .append("</td></tr>");
        }
        body.append("</table>");
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body><h1>" + escape(title) + "</h1>"
                + "<p><a href=\"/\">Home</a></p>" + body + "</body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
