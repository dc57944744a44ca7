package com.ctera.client.analytics.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ctera.client.analytics.AuditSettings;
import com.ctera.client.analytics.LogFields;
import com.ctera.client.analytics.SecurityAuditAnalytics;
import com.ctera.client.analytics.SecurityAuditResult;
import com.ctera.client.logs.LogEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report and a security audit over 1,000,000 log records in a JVM with a 48 MiB heap: rows stream from source to
 * output, so the run ends instead of running out of memory.
 */
class MillionRecordReportTest {

    static final int RECORDS = 1_000_000;

    static final int USERS = 500;

    @Test
    void aMillionRecordReportRunsInASmallHeap(@TempDir Path work) throws Exception {
        Path output = work.resolve("out.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                MillionRecordReportTest.class.getName())
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("finished within 120 s").isTrue();
        String printed = Files.readString(output);
        assertThat(child.exitValue()).as(printed).isZero();
        // Every user's count, the CSV's lines, and the audit's view of the same records.
        assertThat(printed).contains("groups=" + USERS, "csvLines=" + (USERS + 1), "records=" + RECORDS,
                "total=" + RECORDS, "failedLoginBursts=" + USERS);
    }

    /** Runs in the small-heap JVM. */
    public static void main(String[] args) {
        Report report = ReportBuilder.titled("Actions per user").source(() -> records().map(ReportSources::logRow))
            .groupBy("username").aggregate(Aggregation.count(), Aggregation.percentile("bytes", 95))
            .build();
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        report.export(ReportFormat.CSV, csv);
        String[] lines = csv.toString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        long total = 0;
        for (int i = 1; i < lines.length; i++) {
            total += Long.parseLong(lines[i].split(",")[1]);
        }
        // Rounds of all users are 1,250 s apart: five failures in a row fit in two hours.
        SecurityAuditResult audit = SecurityAuditAnalytics.audit(records(), LogFields.defaults(),
                AuditSettings.defaults().withFailedLogins(5, Duration.ofHours(2)), start(), start().plusDays(30));
        System.out.println("groups=" + (lines.length - 1) + " csvLines=" + lines.length + " total=" + total
                + " records=" + audit.recordsRead() + " failedLoginBursts=" + audit.failedLoginsByUser().size());
    }

    private static LocalDateTime start() {
        return LocalDateTime.of(2026, 11, 1, 0, 0);
    }

    /**
     * One record every 2.5 s over about 29 days, users in turn; each user fails to log in in 5 rounds in a row (a
     * burst each), everything else is uploads and downloads.
     */
    static Stream<LogEntry> records() {
        return IntStream.range(0, RECORDS).mapToObj(i -> {
            String user = "user" + (i % USERS);
            boolean failure = i / USERS >= 1000 && i / USERS < 1005;
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("username", user);
            attributes.put("ipAddress", "10.0." + (i % USERS) / 250 + "." + (i % 250));
            attributes.put("action", failure ? "login" : (i % 3 == 0) ? "upload" : "download");
            attributes.put("result", failure ? "failure" : "success");
            attributes.put("bytes", Integer.toString(i % 100_000));
            return new LogEntry(start().plusNanos(i * 2_500_000_000L), "audit", "info", "Portal", "acme",
                    failure ? "LoginFailed" : "FileDownload", "record " + i, attributes);
        });
    }
}
