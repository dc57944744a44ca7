package com.ctera.client.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.logs.LogEntry;
import com.ctera.client.logs.LogQuery;
import com.ctera.client.logs.LogSeverity;
import com.ctera.client.logs.LogTopic;
import com.ctera.client.statistics.CloudFolderUsage;
import com.ctera.client.users.PortalUser;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Each analytic on the simulator's seeded 90-day history (ASSUMPTIONS.md "Demo data") against a computation made
 * here from the raw records, plus the facts the seed is known to contain.
 */
class SeededHistoryAnalyticsTest {

    private static final Duration PERIOD = Duration.ofDays(92);

    private static final Clock CLOCK = Clock.systemUTC();

    private static CteraPortalSimulator simulator;

    private static CteraPortal portal;

    private static List<LogEntry> raw;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        SimulatorCredentials admin = simulator.tenantAdminCredentials();
        portal = CteraPortal.builder().name("seeded").baseUrl(simulator.baseUrl())
                .context(PortalContext.SERVICES_PORTAL).credentials(admin.username(), admin.password())
                .readTimeout(Duration.ofSeconds(10)).build();
        LocalDateTime now = LocalDateTime.now(CLOCK);
        raw = Stream.of(LogTopic.ACCESS, LogTopic.AUDIT)
            .flatMap(topic -> portal.logs().query(LogQuery.builder().topic(topic).minSeverity(LogSeverity.DEBUG)
                    .after(now.minus(PERIOD)).before(now).pageSize(1000).build()))
            .sorted(Comparator.comparing(LogEntry::time))
            .toList();
    }

    @AfterAll
    static void stop() {
        portal.close();
        simulator.close();
    }

    @Test
    void failedLoginBurstsMatchASlidingWindowOverTheRawRecords() {
        SecurityAuditResult audit = SecurityAuditAnalytics.of(portal, LogFields.defaults(), AuditSettings.defaults(),
                CLOCK).audit(PERIOD);
        assertThat(subjects(audit.failedLoginsByUser())).isEqualTo(bursts("username"));
        assertThat(subjects(audit.failedLoginsByAddress())).isEqualTo(bursts("ipAddress"));
        // The seed's four attacks: 6, 7, 8 and 9 attempts from outside addresses, 61, 34, 12 and 3 days ago.
        assertThat(audit.failedLoginsByAddress()).extracting(FailedLoginBurst::subject).containsExactly(
                "185.220.101.47", "45.155.205.233", "103.251.167.10", "185.220.101.47");
        assertThat(audit.failedLoginsByAddress()).extracting(FailedLoginBurst::attempts).containsExactly(6L, 7L, 8L,
                9L);
        FailedLoginBurst first = audit.failedLoginsByAddress().get(0);
        assertThat(first.evidence()).hasSize(6).allSatisfy(record -> {
            assertThat(record.attribute("result")).isEqualTo("failure");
            assertThat(record.attribute("ipAddress")).isEqualTo("185.220.101.47");
        });
        assertThat(first.first().toLocalDate()).isEqualTo(LocalDate.now(CLOCK).minusDays(61));
    }

    @Test
    void accessViolationsAreTheDeniedOperationsOfTheRawRecords() {
        List<ActivityEvent> violations = audit().accessViolations(PERIOD);
        List<LogEntry> expected = raw.stream().filter(record -> "failure".equals(record.attribute("result"))
                && !"login".equals(record.attribute("action"))).toList();
        assertThat(violations).extracting(ActivityEvent::record).containsExactlyElementsOf(expected);
        assertThat(violations).extracting(ActivityEvent::user).containsExactly("olivia.smith", "olivia.smith",
                "olivia.smith", "liam.johnson", "alice");
    }

    @Test
    void theNightSessionIsAnAnomalyAgainstTheUsersOwnBaseline() {
        List<Anomaly> anomalies = audit().anomalies(PERIOD);
        Anomaly hourly = anomalies.stream().filter(anomaly -> anomaly.user().equals("noah.brown")
                && anomaly.kind() == Anomaly.Kind.HOURLY_ACTIVITY).findFirst().orElseThrow();
        LocalDateTime nightHour = LocalDate.now(CLOCK).minusDays(5).atTime(3, 0);
        assertThat(hourly.time()).isEqualTo(nightHour);
        // Independent robust z-score of that hour over noah.brown's active hours.
        Map<LocalDateTime, Integer> perHour = new TreeMap<>();
        raw.stream().filter(record -> "noah.brown".equals(record.attribute("username")))
            .forEach(record -> perHour.merge(record.time().truncatedTo(ChronoUnit.HOURS), 1, Integer::sum));
        double[] counts = perHour.values().stream().mapToDouble(Integer::doubleValue).sorted().toArray();
        double median = medianOf(counts);
        double[] deviations = Stream.of(perHour.values().toArray(Integer[]::new))
            .mapToDouble(count -> Math.abs(count - median)).sorted().toArray();
        double mad = medianOf(deviations);
        double meanDeviation = Arrays.stream(deviations).average().orElseThrow();
        double expected = (mad > 0) ? 0.6745 * (perHour.get(nightHour) - median) / mad
                : (perHour.get(nightHour) - median) / (1.253314 * meanDeviation);
        assertThat(hourly.score()).isCloseTo(expected, within(1e-9));
        assertThat(hourly.evidence()).hasSize(41);
        assertThat(anomalies).anySatisfy(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(Anomaly.Kind.NEW_ADDRESS_UNUSUAL_HOUR);
            assertThat(anomaly.user()).isEqualTo("noah.brown");
            assertThat(anomaly.evidence()).singleElement()
                .satisfies(record -> assertThat(record.attribute("ipAddress")).isEqualTo("198.51.100.23"));
        });
    }

    @Test
    void inactiveUsersAreTheEnabledUsersWithoutALoginInTheRawRecords() {
        List<InactiveUser> inactive = activity().inactiveUsers(30);
        LocalDateTime since = LocalDateTime.now(CLOCK).minusDays(30);
        Set<String> loggedIn = raw.stream().filter(record -> record.time().isAfter(since)
                && "login".equals(record.attribute("action")) && "success".equals(record.attribute("result")))
            .map(record -> record.attribute("username")).collect(Collectors.toSet());
        List<String> expected = portal.users().list().filter(user -> !"Disabled".equals(user.role()))
            .map(PortalUser::name).filter(name -> !loggedIn.contains(name)).sorted().toList();
        assertThat(inactive).extracting(InactiveUser::user).containsExactlyElementsOf(expected)
            .contains("harper.martin", "benjamin.smith");
        assertThat(activity().inactiveUsers(90)).extracting(InactiveUser::user).contains("harper.martin")
            .doesNotContain("benjamin.smith");
    }

    @Test
    void mostActiveUsersCountTheSuccessfulActionsOfTheRawRecords() {
        List<UserActivity> top = activity().mostActiveUsers(PERIOD, 5);
        Map<String, Long> totals = new HashMap<>();
        raw.stream().filter(record -> !"failure".equals(record.attribute("result"))
                && record.attribute("username") != null)
            .forEach(record -> totals.merge(record.attribute("username"), 1L, Long::sum));
        List<String> expected = totals.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(5).map(Map.Entry::getKey).toList();
        assertThat(top).extracting(UserActivity::user).containsExactlyElementsOf(expected);
        assertThat(top).allSatisfy(user -> assertThat(user.total()).isEqualTo(totals.get(user.user())));
        List<DailyActivity> daily = activity().activityPerUserPerDay(92);
        assertThat(daily.stream().mapToLong(day -> day.logins() + day.fileOperations()).sum())
            .isEqualTo(totals.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void dailyUsageFollowsTheSeededGrowthLineAndTheForecastFindsItsSlope() {
        StorageTrendsAnalytics trends = StorageTrendsAnalytics.of(portal, new InMemoryUsageSnapshotStore(), CLOCK);
        List<DailyUsage> days = trends.growthPerDay(91);
        List<Long> today = portal.statistics().cloudFolders().stream().map(CloudFolderUsage::sizeBytes).toList();
        assertThat(days).hasSize(91);
        for (DailyUsage day : days) {
            long ago = ChronoUnit.DAYS.between(day.date(), LocalDate.now(CLOCK.withZone(ZoneOffset.UTC)));
            long expected = today.stream().mapToLong(size -> Math.round(size * (0.35 + 0.65 * (90 - ago) / 90)))
                .sum();
            assertThat(day.usedBytes()).as("use %d days ago", ago).isEqualTo(expected);
        }
        long total = today.stream().mapToLong(Long::longValue).sum();
        CapacityForecast forecast = trends.forecast(91, 30, 0.95, snapshot -> true, total * 2);
        assertThat(forecast.status()).isEqualTo(CapacityForecast.Status.FORECAST);
        assertThat(forecast.pointsUsed()).hasSize(91);
        assertThat(forecast.slopeBytesPerDay()).isCloseTo(total * 0.65 / 90, withinPercentage(0.5));
        // 2 × today's use is reached when the line has grown by `total`: about 90 / 0.65 days from today.
        CapacityForecast.QuotaReach reach = forecast.quotaReach();
        assertThat(reach.expected()).isBetween(LocalDate.now(CLOCK).plusDays(137), LocalDate.now(CLOCK).plusDays(140));
        assertThat(reach.earliest()).isBeforeOrEqualTo(reach.expected());
        assertThat(reach.latest()).isAfterOrEqualTo(reach.expected());
        assertThat(trends.forecast(3, 30, 0.95, snapshot -> true, null).status())
            .isEqualTo(CapacityForecast.Status.INSUFFICIENT_DATA);
    }

    @Test
    void inactiveUsersDataIsAnOpportunityOnlyWhenTheyHoldData() {
        StorageTrendsAnalytics trends = StorageTrendsAnalytics.of(portal, new InMemoryUsageSnapshotStore(), CLOCK);
        List<OptimizationOpportunity> found = trends.optimizationOpportunities(activity(), 30, null, List.of(),
                Long.MAX_VALUE, Duration.ofDays(365), 10);
        Set<String> inactive = new HashSet<>();
        activity().inactiveUsers(30).forEach(user -> inactive.add(user.user()));
        Map<String, Long> sizeByOwner = new HashMap<>();
        portal.statistics().cloudFolders().forEach(folder -> sizeByOwner.merge(
                folder.owner().substring(folder.owner().lastIndexOf('/') + 1), folder.sizeBytes(), Long::sum));
        List<String> expected = new ArrayList<>();
        sizeByOwner.forEach((owner, size) -> {
            if (inactive.contains(owner) && size > 0) {
                expected.add(owner);
            }
        });
        assertThat(found).extracting(opportunity -> opportunity.subject().substring(0,
                opportunity.subject().indexOf(':'))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void complianceReportFailsOnTheSeededFindingsAndCannotDetermineWithoutTheFields() {
        ComplianceReport report = audit().complianceReport(ComplianceStandard.HIPAA, PERIOD);
        Map<String, ComplianceCheck.Status> byId = new HashMap<>();
        report.checks().forEach(check -> byId.put(check.id(), check.status()));
        assertThat(byId).containsEntry("AUDIT_TRAIL", ComplianceCheck.Status.PASS)
            .containsEntry("USER_ATTRIBUTION", ComplianceCheck.Status.PASS)
            .containsEntry("BRUTE_FORCE", ComplianceCheck.Status.FAIL)
            .containsEntry("ACCESS_DENIALS", ComplianceCheck.Status.FAIL)
            .containsEntry("ANOMALOUS_BEHAVIOUR", ComplianceCheck.Status.FAIL)
            .containsEntry("INACTIVE_ACCOUNTS", ComplianceCheck.Status.FAIL)
            .containsEntry("ENCRYPTION_IN_TRANSIT", ComplianceCheck.Status.FAIL)
            .containsEntry("RETENTION_POLICY", ComplianceCheck.Status.CANNOT_DETERMINE);
        assertThat(report.checks()).allSatisfy(check -> assertThat(check.clause()).startsWith("HIPAA §"));
        ComplianceCheck denials = report.checks().stream().filter(check -> check.id().equals("ACCESS_DENIALS"))
            .findFirst().orElseThrow();
        assertThat(denials.records()).hasSize(5);

        // Outcome mapped to an attribute no record has: no check that needs it may pass.
        LogFields wrong = new LogFields("username", "ipAddress", "action", "outcomeCode", "login", "failure");
        ComplianceReport blind = audit(wrong).complianceReport(ComplianceStandard.SOC2, PERIOD);
        assertThat(blind.checks()).filteredOn(check -> List.of("BRUTE_FORCE", "ACCESS_DENIALS", "INACTIVE_ACCOUNTS")
            .contains(check.id())).hasSize(3).allSatisfy(check -> {
                assertThat(check.status()).isEqualTo(ComplianceCheck.Status.CANNOT_DETERMINE);
                assertThat(check.evidence()).singleElement().asString().contains("outcomeCode");
            });
    }

    /** The audit over the records read once at the start (the portal source itself is used by the burst test). */
    private static SecurityAuditAnalytics audit() {
        return audit(LogFields.defaults());
    }

    private static SecurityAuditAnalytics audit(LogFields fields) {
        return new SecurityAuditAnalytics(SeededHistoryAnalyticsTest::rawBetween, () -> portal.users().list(),
                portal.baseUrl(), fields, AuditSettings.defaults(), CLOCK);
    }

    private static UserActivityAnalytics activity() {
        return new UserActivityAnalytics(SeededHistoryAnalyticsTest::rawBetween, () -> portal.users().list(),
                LogFields.defaults(), CLOCK);
    }

    private static Stream<LogEntry> rawBetween(LocalDateTime after, LocalDateTime before) {
        return raw.stream().filter(record -> record.time().isAfter(after) && record.time().isBefore(before));
    }

    /** Subject and first failure of every burst: 5 failures of one key within 10 minutes, found by brute force. */
    private static List<String> bursts(String keyField) {
        Map<String, List<LocalDateTime>> failures = new TreeMap<>();
        raw.stream().filter(record -> "login".equals(record.attribute("action"))
                && "failure".equals(record.attribute("result")) && record.attribute(keyField) != null)
            .forEach(record -> failures.computeIfAbsent(record.attribute(keyField), key -> new ArrayList<>())
                .add(record.time()));
        List<String> found = new ArrayList<>();
        failures.forEach((key, times) -> {
            // A burst begins at the first 5 failures within 10 minutes that belong to no earlier burst, and goes
            // on while each next failure comes within 10 minutes of the one before.
            int free = 0;
            LocalDateTime lastOfBurst = null;
            for (int j = 0; j < times.size(); j++) {
                LocalDateTime time = times.get(j);
                if (lastOfBurst != null && !time.isAfter(lastOfBurst.plusMinutes(10))) {
                    lastOfBurst = time;
                    continue;
                }
                if (lastOfBurst != null) {
                    lastOfBurst = null;
                    free = j;
                }
                if (j - free >= 4 && !time.isAfter(times.get(j - 4).plusMinutes(10))) {
                    found.add(key + "@" + times.get(j - 4));
                    lastOfBurst = time;
                }
            }
        });
        return found.stream().sorted().toList();
    }

    private static List<String> subjects(List<FailedLoginBurst> bursts) {
        return bursts.stream().map(burst -> burst.subject() + "@" + burst.first()).sorted().toList();
    }

    private static double medianOf(double[] sorted) {
        int n = sorted.length;
        return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
