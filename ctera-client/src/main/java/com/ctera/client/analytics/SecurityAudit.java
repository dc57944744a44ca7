package com.ctera.client.analytics;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.ctera.client.logs.LogEntry;

/**
 * One pass over time-ordered log records that finds failed-login bursts, denied operations and anomalies. Memory
 * grows with the number of users and addresses and the evidence kept, not with the number of records: per user it
 * keeps one count per active hour and the records of its most active hours only.
 */
public final class SecurityAudit {

    /** The robust z-score's constant: 0.6745 is the normal distribution's third quartile, so MAD/0.6745 ≈ σ. */
    static final double MAD_SCALE = 0.6745;

    /** With a zero MAD the score divides by this times the mean absolute deviation (sqrt(π/2), as SPSS does). */
    static final double MEAN_AD_SCALE = 1.253314;

    private final LogFields fields;

    private final AuditSettings settings;

    private final LocalDateTime from;

    private final LocalDateTime to;

    private final Map<String, BurstTracker> byUser = new HashMap<>();

    private final Map<String, BurstTracker> byAddress = new HashMap<>();

    private final List<FailedLoginBurst> userBursts = new ArrayList<>();

    private final List<FailedLoginBurst> addressBursts = new ArrayList<>();

    private final Map<String, UserBaseline> baselines = new HashMap<>();

    private final List<ActivityEvent> violations = new ArrayList<>();

    private final List<Anomaly> loginAnomalies = new ArrayList<>();

    private final Set<String> seenFields = new HashSet<>();

    private long violationCount;

    private long records;

    private long withoutUser;

    private long loginsWithoutAddress;

    private @Nullable LocalDateTime first;

    private @Nullable LocalDateTime last;

    public SecurityAudit(LogFields fields, AuditSettings settings, LocalDateTime from, LocalDateTime to) {
        this.fields = fields;
        this.settings = settings;
        this.from = from;
        this.to = to;
    }

    /** Takes the next record; records must come oldest first. */
    public void accept(LogEntry entry) {
        this.records++;
        if (this.seenFields.size() < 4) {
            for (String field : mapped()) {
                if (entry.attribute(field) != null) {
                    this.seenFields.add(field);
                }
            }
        }
        ActivityEvent event = this.fields.read(entry);
        LocalDateTime time = event.time();
        if (time == null) {
            return;
        }
        if (this.first == null) {
            this.first = time;
        }
        this.last = time;
        String user = event.user();
        if (user == null) {
            this.withoutUser++;
        }
        if (event.login() && event.sourceAddress() == null) {
            this.loginsWithoutAddress++;
        }
        if (event.failedLogin()) {
            if (user != null) {
                this.byUser.computeIfAbsent(user, key -> new BurstTracker(FailedLoginBurst.Subject.USER, key))
                    .failure(event, this.userBursts);
            }
            if (event.sourceAddress() != null) {
                this.byAddress.computeIfAbsent(event.sourceAddress(),
                        key -> new BurstTracker(FailedLoginBurst.Subject.SOURCE_ADDRESS, key))
                    .failure(event, this.addressBursts);
            }
        }
        if (event.deniedOperation()) {
            this.violationCount++;
            if (this.violations.size() < this.settings.maxFindings()) {
                this.violations.add(event);
            }
        }
        if (user != null) {
            UserBaseline baseline = this.baselines.computeIfAbsent(user, UserBaseline::new);
            baseline.count(time, entry);
            if (event.successfulLogin()) {
                baseline.login(event);
            }
        }
    }

    /** What the records read so far show. */
    public SecurityAuditResult result() {
        List<FailedLoginBurst> users = new ArrayList<>(this.userBursts);
        List<FailedLoginBurst> addresses = new ArrayList<>(this.addressBursts);
        this.byUser.values().forEach(tracker -> tracker.close(users));
        this.byAddress.values().forEach(tracker -> tracker.close(addresses));
        Comparator<FailedLoginBurst> order = Comparator.comparing(FailedLoginBurst::first)
            .thenComparing(FailedLoginBurst::subject);
        users.sort(order);
        addresses.sort(order);
        List<Anomaly> anomalies = new ArrayList<>(this.loginAnomalies);
        for (UserBaseline baseline : this.baselines.values()) {
            baseline.hourlyAnomalies(anomalies);
        }
        anomalies.sort(Comparator.comparing(Anomaly::time).thenComparing(Anomaly::user));
        Set<String> loggedIn = new HashSet<>();
        this.baselines.forEach((user, baseline) -> {
            if (baseline.logins > 0) {
                loggedIn.add(user);
            }
        });
        Set<String> missing = new LinkedHashSet<>();
        for (String field : mapped()) {
            if (!this.seenFields.contains(field)) {
                missing.add(field);
            }
        }
        return new SecurityAuditResult(this.from, this.to, this.records, this.first, this.last, missing,
                this.withoutUser, this.loginsWithoutAddress, limit(users), limit(addresses), this.violations,
                this.violationCount, limit(anomalies), loggedIn, this.settings);
    }

    private <T> List<T> limit(List<T> findings) {
        return (findings.size() <= this.settings.maxFindings()) ? findings
                : findings.subList(0, this.settings.maxFindings());
    }

    private List<String> mapped() {
        return List.of(this.fields.user(), this.fields.sourceAddress(), this.fields.action(), this.fields.outcome());
    }

    /** Sliding window over one key's failures; only the last {@code threshold} are kept. */
    private final class BurstTracker {

        private final FailedLoginBurst.Subject by;

        private final String subject;

        private final ArrayDeque<ActivityEvent> recent = new ArrayDeque<>();

        private @Nullable OpenBurst open;

        BurstTracker(FailedLoginBurst.Subject by, String subject) {
            this.by = by;
            this.subject = subject;
        }

        void failure(ActivityEvent event, List<FailedLoginBurst> finished) {
            Duration window = SecurityAudit.this.settings.failedLoginWindow();
            LocalDateTime time = event.time();
            OpenBurst burst = this.open;
            if (burst != null && !time.isAfter(burst.last.plus(window))) {
                burst.add(event);
                return;
            }
            if (burst != null) {
                finished.add(burst.finish());
                this.open = null;
            }
            this.recent.addLast(event);
            if (this.recent.size() > SecurityAudit.this.settings.failedLoginThreshold()) {
                this.recent.removeFirst();
            }
            if (this.recent.size() == SecurityAudit.this.settings.failedLoginThreshold()
                    && !time.isAfter(this.recent.peekFirst().time().plus(window))) {
                OpenBurst opened = new OpenBurst(this.recent.peekFirst().time());
                this.recent.forEach(opened::add);
                this.recent.clear();
                this.open = opened;
            }
        }

        void close(List<FailedLoginBurst> finished) {
            if (this.open != null) {
                finished.add(this.open.finish());
            }
        }

        private final class OpenBurst {

            private final LocalDateTime first;

            private LocalDateTime last;

            private long attempts;

            private final List<LogEntry> evidence = new ArrayList<>();

            OpenBurst(LocalDateTime first) {
                this.first = first;
                this.last = first;
            }

            void add(ActivityEvent event) {
                this.attempts++;
                this.last = event.time();
                if (this.evidence.size() < SecurityAudit.this.settings.evidencePerFinding()) {
                    this.evidence.add(event.record());
                }
            }

            FailedLoginBurst finish() {
                return new FailedLoginBurst(BurstTracker.this.by, BurstTracker.this.subject, this.first, this.last,
                        this.attempts, this.evidence);
            }
        }
    }

    /** One user's hourly activity counts, their busiest hours' records, their login addresses and hours of day. */
    private final class UserBaseline {

        private final String user;

        private long[] hours = new long[16];

        private int[] counts = new int[16];

        private int size;

        private long currentHour = Long.MIN_VALUE;

        private int currentCount;

        private List<LogEntry> currentRecords = new ArrayList<>();

        private final PriorityQueue<BusyHour> busiest = new PriorityQueue<>(
                Comparator.comparingInt(BusyHour::count));

        private final Set<String> addresses = new HashSet<>();

        private final int[] loginsByHourOfDay = new int[24];

        private int logins;

        UserBaseline(String user) {
            this.user = user;
        }

        void count(LocalDateTime time, LogEntry entry) {
            long hour = time.toEpochSecond(ZoneOffset.UTC) / 3600;
            if (hour != this.currentHour) {
                closeHour();
                this.currentHour = hour;
                this.currentCount = 0;
                this.currentRecords = new ArrayList<>();
            }
            this.currentCount++;
            if (this.currentRecords.size() < SecurityAudit.this.settings.evidencePerFinding()) {
                this.currentRecords.add(entry);
            }
        }

        void login(ActivityEvent event) {
            AuditSettings settings = SecurityAudit.this.settings;
            int hourOfDay = event.time().getHour();
            String address = event.sourceAddress();
            if (address != null && this.logins >= settings.minBaselineLogins() && !this.addresses.contains(address)) {
                double share = (double) this.loginsByHourOfDay[hourOfDay] / this.logins;
                if (share < settings.unusualHourShare() && SecurityAudit.this.loginAnomalies.size()
                        < settings.maxFindings()) {
                    SecurityAudit.this.loginAnomalies.add(new Anomaly(Anomaly.Kind.NEW_ADDRESS_UNUSUAL_HOUR,
                            this.user, event.time(), share, String.format(Locale.ROOT,
                                    "First login from %s; %d of %d earlier logins (%.1f %%) were at %02d:00-%02d:59",
                                    address, this.loginsByHourOfDay[hourOfDay], this.logins, share * 100, hourOfDay,
                                    hourOfDay),
                            List.of(event.record())));
                }
            }
            if (address != null) {
                this.addresses.add(address);
            }
            this.loginsByHourOfDay[hourOfDay]++;
            this.logins++;
        }

        private void closeHour() {
            if (this.currentHour == Long.MIN_VALUE) {
                return;
            }
            if (this.size == this.hours.length) {
                this.hours = Arrays.copyOf(this.hours, this.size * 2);
                this.counts = Arrays.copyOf(this.counts, this.size * 2);
            }
            this.hours[this.size] = this.currentHour;
            this.counts[this.size] = this.currentCount;
            this.size++;
            int keep = SecurityAudit.this.settings.anomaliesPerUser();
            if (this.busiest.size() < keep) {
                this.busiest.add(new BusyHour(this.currentHour, this.currentCount, this.currentRecords));
            }
            else if (this.busiest.peek().count() < this.currentCount) {
                this.busiest.poll();
                this.busiest.add(new BusyHour(this.currentHour, this.currentCount, this.currentRecords));
            }
        }

        void hourlyAnomalies(List<Anomaly> anomalies) {
            closeHour();
            this.currentHour = Long.MIN_VALUE;
            if (this.size < SecurityAudit.this.settings.minBaselineHours()) {
                return;
            }
            double[] values = new double[this.size];
            for (int i = 0; i < this.size; i++) {
                values[i] = this.counts[i];
            }
            double median = median(values);
            double[] deviations = new double[this.size];
            double meanDeviation = 0;
            for (int i = 0; i < this.size; i++) {
                deviations[i] = Math.abs(values[i] - median);
                meanDeviation += deviations[i];
            }
            meanDeviation /= this.size;
            double mad = median(deviations);
            for (BusyHour hour : this.busiest) {
                double score = robustZ(hour.count(), median, mad, meanDeviation);
                if (score > SecurityAudit.this.settings.anomalyScore()) {
                    anomalies.add(new Anomaly(Anomaly.Kind.HOURLY_ACTIVITY, this.user,
                            LocalDateTime.ofEpochSecond(hour.hour() * 3600, 0, ZoneOffset.UTC), score,
                            String.format(Locale.ROOT, "%d actions in the hour; the user's median active hour has "
                                    + "%.1f (MAD %.1f, %d active hours): robust z-score %.1f", hour.count(), median,
                                    mad, this.size, score),
                            hour.records()));
                }
            }
        }
    }

    /** The robust z-score; with a zero MAD the mean absolute deviation stands in, and with both zero there is none. */
    static double robustZ(double value, double median, double mad, double meanDeviation) {
        if (mad > 0) {
            return MAD_SCALE * (value - median) / mad;
        }
        if (meanDeviation > 0) {
            return (value - median) / (MEAN_AD_SCALE * meanDeviation);
        }
        return 0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private record BusyHour(long hour, int count, List<LogEntry> records) {
    }
}
