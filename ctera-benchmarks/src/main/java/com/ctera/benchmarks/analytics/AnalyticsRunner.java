package com.ctera.benchmarks.analytics;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.analytics.AuditSettings;
import com.ctera.client.analytics.LogFields;
import com.ctera.client.analytics.SecurityAuditAnalytics;
import com.ctera.client.analytics.SecurityAuditResult;
import com.ctera.client.analytics.report.Aggregation;
import com.ctera.client.analytics.report.Report;
import com.ctera.client.analytics.report.ReportBuilder;
import com.ctera.client.analytics.report.ReportFormat;
import com.ctera.client.analytics.report.ReportSources;
import com.ctera.client.logs.LogEntry;

/**
 * Records per second and peak heap of the security audit and of a log report (group by user: count, sum and 95th
 * percentile of a size, exported as CSV) over generated log records, against a baseline pass over the same records
 * that only counts them per user. Records are made as they are consumed, never held, as a portal read streams them.
 *
 * <pre>
 * java -Xmx128m -cp ctera-benchmarks/target/benchmarks.jar com.ctera.benchmarks.analytics.AnalyticsRunner \
 *     [records, default 1000000] [rounds, default 3]
 * </pre>
 */
public final class AnalyticsRunner {

    private static final int USERS = 500;

    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 1, 0, 0);

    private AnalyticsRunner() {
    }

    public static void main(String[] args) {
        int records = RunnerArguments.wholeNumber(args, 0, "records", 1, 1_000_000);
        int rounds = RunnerArguments.wholeNumber(args, 1, "rounds", 1, 3);
        RecordFactory factory = new RecordFactory();
        System.out.printf(Locale.ROOT, "%d records, %d rounds, max heap %d MiB, %d processors, %s%n", records, rounds,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        for (int round = 1; round <= rounds; round++) {
            measure("baseline (count per user)", records, round, () -> {
                Map<String, long[]> counts = new HashMap<>();
                factory.records(records).forEach(entry -> counts.computeIfAbsent(entry.attribute("username"),
                        user -> new long[1])[0]++);
                return counts.size() + " users";
            });
            measure("security audit", records, round, () -> {
                SecurityAuditResult audit = SecurityAuditAnalytics.audit(factory.records(records),
                        LogFields.defaults(), AuditSettings.defaults().withFailedLogins(5, Duration.ofHours(4)), START,
                        START.plusDays(60));
                return audit.failedLoginsByUser().size() + " user bursts, " + audit.anomalies().size()
                        + " anomalies";
            });
            measure("log report to CSV", records, round, () -> {
                Report report = ReportBuilder.titled("Actions per user")
                    .source(() -> factory.records(records).map(ReportSources::logRow))
                    .groupBy("username", "action")
                    .aggregate(Aggregation.count(), Aggregation.sum("bytes"), Aggregation.percentile("bytes", 95))
                    .build();
                long[] bytes = new long[1];
                report.export(ReportFormat.CSV, new OutputStream() {
                    @Override
                    public void write(int b) {
                        bytes[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes[0] += len;
                    }
                });
                return bytes[0] + " CSV bytes";
            });
        }
    }

    private static void measure(String name, int records, int round, java.util.function.Supplier<String> work) {
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap.add(pool);
            }
        }
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        String result = work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : heap) {
            peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "round %d  %-26s %,10.0f records/s  %6.2f s  peak heap %5.1f MiB  (%s)%n",
                round, name, records / seconds, seconds, peak / 1048576.0, result);
    }

    /**
     * Records like the simulator's: users in turn, one every 5 s; uploads, downloads, a few failed logins (every
     * user fails five rounds in a row, 2,500 s apart: a burst in a 4-hour window). Attribute maps are shared templates, so making a record costs
     * what a portal read's record costs after parsing, not more.
     */
    static final class RecordFactory {

        private final List<Map<String, String>> templates = new ArrayList<>();

        RecordFactory() {
            String[] actions = { "upload", "download", "login" };
            for (int user = 0; user < USERS; user++) {
                for (String action : actions) {
                    for (int size = 0; size < 4; size++) {
                        Map<String, String> attributes = new HashMap<>();
                        attributes.put("username", "user" + user);
                        attributes.put("ipAddress", "10.0." + (user / 250) + "." + (user % 250));
                        attributes.put("action", action);
                        attributes.put("result", action.equals("login") ? "failure" : "success");
                        attributes.put("bytes", Integer.toString(1024 << (size * 3)));
                        this.templates.add(Map.copyOf(attributes));
                    }
                }
            }
        }

        Stream<LogEntry> records(int count) {
            return IntStream.range(0, count).mapToObj(this::record);
        }

        private LogEntry record(int i) {
            int user = i % USERS;
            int round = i / USERS;
            int action = (round >= 100 && round < 105) ? 2 : (i % 3 == 0) ? 0 : 1;
            Map<String, String> attributes = this.templates.get((user * 3 + action) * 4 + (i % 4));
            return new LogEntry(START.plusSeconds(i * 5L), "audit", "info", "Portal", "acme",
                    (action == 2) ? "LoginFailed" : "FileUpload", null, attributes);
        }
    }

}
