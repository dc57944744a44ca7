package com.ctera.client.analytics.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * One HTML page that needs nothing else: inline styles, the chart as inline SVG, no script, and a Content Security
 * Policy that forbids every fetch, so the page opens offline and nothing leaves it.
 */
final class HtmlReportWriter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
            + "main{display:flex;flex-direction:column;gap:1.5rem}#chart-section{order:-1}"
            + "table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;"
            + "text-align:left}th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + "svg{max-width:100%;height:auto;border:1px solid #eee}";

    private HtmlReportWriter() {
    }

    static void write(Report report, Iterator<Row> rows, OutputStream out) throws IOException {
        ReportWriters.Peeked peeked = ReportWriters.Peeked.of(report, rows);
        Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        html.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">"
                + "<title>" + escape(report.title()) + "</title><style>" + STYLE + "</style></head><body><h1>"
                + escape(report.title()) + "</h1><main><section id=\"table-section\"><table><thead><tr>");
        List<String> columns = peeked.columns();
        for (String column : columns) {
            html.write("<th>" + escape(column) + "</th>");
        }
        html.write("</tr></thead><tbody>\n");
        SvgLineChart chart = report.chart().map(SvgLineChart::new).orElse(null);
        long count = 0;
        while (peeked.hasNext()) {
            Row row = peeked.next();
            count++;
            if (chart != null) {
                chart.add(row);
            }
            html.write("<tr>");
            for (String column : columns) {
                Object value = row.get(column);
                html.write((value instanceof Number) ? "<td class=\"n\">" : "<td>");
                html.write((value == null) ? "" : escape(ReportWriters.text(value)));
                html.write("</td>");
            }
            html.write("</tr>\n");
        }
        html.write("</tbody></table><p>" + count + " rows</p></section>");
        if (chart != null) {
            html.write("<section id=\"chart-section\">");
            chart.write(html);
            html.write("</section>");
        }
        html.write("</main></body></html>\n");
        html.flush();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
