package com.ctera.client.analytics.report;

/** The formats a report is exported to. */
public enum ReportFormat {
    /** Comma-separated values with a header line (RFC 4180). */
    CSV,
    /** {@code {"title", "columns", "rows": [{...}]}}. */
    JSON,
    /** The same document as JSON, in YAML. */
    YAML,
    /** One HTML page that opens offline: inline styles, an inline SVG chart, no script, no external request. */
    HTML
}
