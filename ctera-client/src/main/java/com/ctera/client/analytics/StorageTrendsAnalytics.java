package com.ctera.client.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraPortal;
import com.ctera.client.files.CloudFiles;
import com.ctera.client.files.FileInfo;
import com.ctera.client.files.ListOptions;
import com.ctera.client.statistics.CloudFolderUsageDay;

/**
 * Storage over time: daily use and growth from recorded snapshots and the portal's own history, a capacity
 * forecast with prediction intervals and the day a quota is reached, and savings worth making.
 */
public final class StorageTrendsAnalytics {

    /** Fewest daily points a forecast is made from: fewer give too wide an interval to be worth stating. */
    public static final int MIN_FORECAST_POINTS = 7;

    /** How far ahead the quota date is looked for. */
    static final int QUOTA_HORIZON_DAYS = 3650;

    private final String portal;

    private final UsageSnapshotStore store;

    private final Supplier<Stream<CloudFolderUsageDay>> portalHistory;

    private final Clock clock;

    /**
     * @param portal the configured portal's name, the key of its snapshots in the store
     * @param store recorded snapshots
     * @param portalHistory the portal's own daily history (empty when it has none)
     * @param clock today's date
     */
    public StorageTrendsAnalytics(String portal, UsageSnapshotStore store,
            Supplier<Stream<CloudFolderUsageDay>> portalHistory, Clock clock) {
        this.portal = portal;
        this.store = store;
        this.portalHistory = portalHistory;
        this.clock = clock;
    }

    /** Trends of a portal from its recorded snapshots and its usage history. */
    public static StorageTrendsAnalytics of(CteraPortal portal, UsageSnapshotStore store, Clock clock) {
        return new StorageTrendsAnalytics(portal.name(), store, () -> portal.statistics().usageHistory(), clock);
    }

    /** Use per day over the last {@code days} days, today included, for the folders {@code scope} accepts. */
    public List<DailyUsage> dailyUsage(int days, Predicate<UsageSnapshot> scope) {
        UserActivityAnalytics.requirePositive(days, "days");
        LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(days - 1L);
        // Per day and folder the latest value wins; recorded snapshots are later in the day than history rows.
        Map<LocalDate, Map<String, UsageSnapshot>> byDay = new TreeMap<>();
        try (Stream<CloudFolderUsageDay> history = this.portalHistory.get()) {
            history.filter(day -> !day.date().isBefore(first) && !day.date().isAfter(today))
                .map(this::toSnapshot)
                .filter(scope)
                .forEach(snapshot -> keepLatest(byDay, snapshot));
        }
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        try (Stream<UsageSnapshot> recorded = this.store.find(this.portal, from, to)) {
            recorded.filter(scope).forEach(snapshot -> keepLatest(byDay, snapshot));
        }
        List<DailyUsage> result = new ArrayList<>();
        Long previous = null;
        for (Map.Entry<LocalDate, Map<String, UsageSnapshot>> day : byDay.entrySet()) {
            long used = 0;
            Long quota = 0L;
            for (UsageSnapshot snapshot : day.getValue().values()) {
                used += snapshot.usedBytes();
                quota = (quota == null || snapshot.quotaBytes() == null) ? null : quota + snapshot.quotaBytes();
            }
            result.add(new DailyUsage(day.getKey(), used, (previous != null) ? used - previous : null, quota,
                    day.getValue().size()));
            previous = used;
        }
        return result;
    }

    /** Use per day of every folder. */
    public List<DailyUsage> growthPerDay(int days) {
        return dailyUsage(days, snapshot -> true);
    }

    /**
     * Fits a least squares line to the last {@code historyDays} days of use of the folders in {@code scope} and
     * predicts {@code forecastDays} days ahead with {@code confidence} prediction intervals; the quota is
     * {@code quotaBytes}, or the folders' summed quota when {@code null}. Fewer than {@link #MIN_FORECAST_POINTS}
     * days of data give {@link CapacityForecast.Status#INSUFFICIENT_DATA} and no numbers.
     */
    public CapacityForecast forecast(int historyDays, int forecastDays, double confidence,
            Predicate<UsageSnapshot> scope, @Nullable Long quotaBytes) {
        UserActivityAnalytics.requirePositive(forecastDays, "forecastDays");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (exclusive), was " + confidence);
        }
        return forecast(dailyUsage(historyDays, scope), forecastDays, confidence, quotaBytes);
    }

    /** The same forecast on a series given by the caller, oldest first. */
    public static CapacityForecast forecast(List<DailyUsage> points, int forecastDays, double confidence,
            @Nullable Long quotaBytes) {
        if (points.size() < MIN_FORECAST_POINTS) {
            return new CapacityForecast(CapacityForecast.Status.INSUFFICIENT_DATA, "Only " + points.size()
                    + " daily values; a forecast needs at least " + MIN_FORECAST_POINTS, points, 0, 0, confidence,
                    List.of(), null);
        }
        LocalDate origin = points.get(0).date();
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ChronoUnit.DAYS.between(origin, points.get(i).date());
            y[i] = points.get(i).usedBytes();
        }
        LinearTrend trend = LinearTrend.fit(x, y);
        LocalDate last = points.get(points.size() - 1).date();
        List<CapacityForecast.ForecastPoint> forecast = new ArrayList<>();
        for (int day = 1; day <= forecastDays; day++) {
            LocalDate date = last.plusDays(day);
            double at = ChronoUnit.DAYS.between(origin, date);
            double predicted = trend.predict(at);
            double half = trend.predictionHalfWidth(at, confidence);
            forecast.add(new CapacityForecast.ForecastPoint(date, predicted, predicted - half, predicted + half));
        }
        Long quota = (quotaBytes != null) ? quotaBytes : points.get(points.size() - 1).quotaBytes();
        CapacityForecast.QuotaReach reach = (quota != null) ? quotaReach(trend, origin, last, quota, confidence)
                : null;
        String method = String.format(java.util.Locale.ROOT,
                "Ordinary least squares on %d daily values (%s to %s), %.0f %% prediction intervals", points.size(),
                origin, last, confidence * 100);
        return new CapacityForecast(CapacityForecast.Status.FORECAST, method, points, trend.slope(),
                trend.residualStdDev(), confidence, forecast, reach);
    }

    private static CapacityForecast.QuotaReach quotaReach(LinearTrend trend, LocalDate origin, LocalDate last,
            long quota, double confidence) {
        LocalDate expected = null;
        LocalDate earliest = null;
        LocalDate latest = null;
        for (int day = 0; day <= QUOTA_HORIZON_DAYS && latest == null; day++) {
            LocalDate date = last.plusDays(day);
            double at = ChronoUnit.DAYS.between(origin, date);
            double predicted = trend.predict(at);
            double half = trend.predictionHalfWidth(at, confidence);
            if (earliest == null && predicted + half >= quota) {
                earliest = date;
            }
            if (expected == null && predicted >= quota) {
                expected = date;
            }
            if (predicted - half >= quota) {
                latest = date;
            }
        }
        String note = (trend.slope() <= 0) ? "Use is not growing: the line never reaches the quota"
                : (expected == null) ? "Not reached within " + QUOTA_HORIZON_DAYS + " days on the fitted line"
                        : (latest == null) ? "Reached on the line; the interval's lower bound does not reach it within "
                                + QUOTA_HORIZON_DAYS + " days" : "Reached on the line; between earliest and latest at "
                                        + "the forecast's confidence";
        return new CapacityForecast.QuotaReach(quota, (trend.slope() > 0) ? expected : null, earliest, latest, note);
    }

    /**
     * Savings worth making: the data of users with no login in {@code inactiveDays} days (from {@code activity}),
     * and, under each of {@code roots} (cloud drive paths the session may list), large files not modified for
     * {@code oldAfter}, files with more than {@code maxVersions} versions and deleted items still held.
     */
    public List<OptimizationOpportunity> optimizationOpportunities(UserActivityAnalytics activity, int inactiveDays,
            @Nullable CloudFiles files, List<String> roots, long largeFileBytes, Duration oldAfter, int maxVersions) {
        List<OptimizationOpportunity> found = new ArrayList<>();
        Map<String, InactiveUser> inactive = new HashMap<>();
        activity.inactiveUsers(inactiveDays).forEach(user -> inactive.put(user.user(), user));
        Map<String, UsageSnapshot> latest = new LinkedHashMap<>();
        Instant from = Instant.now(this.clock).minus(Duration.ofDays(2));
        try (Stream<UsageSnapshot> recorded = this.store.find(this.portal, from, Instant.now(this.clock).plusSeconds(1))) {
            recorded.forEach(snapshot -> latest.put(snapshot.tenant() + "/" + snapshot.cloudFolder() + "/"
                    + snapshot.owner(), snapshot));
        }
        if (latest.isEmpty()) {
            LocalDate yesterday = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusDays(1);
            try (Stream<CloudFolderUsageDay> history = this.portalHistory.get()) {
                history.filter(day -> !day.date().isBefore(yesterday)).map(this::toSnapshot)
                    .forEach(snapshot -> latest.put(snapshot.tenant() + "/" + snapshot.cloudFolder() + "/"
                            + snapshot.owner(), snapshot));
            }
        }
        for (UsageSnapshot snapshot : latest.values()) {
            InactiveUser user = (snapshot.owner() != null) ? inactive.get(snapshot.owner()) : null;
            if (user != null && snapshot.usedBytes() > 0) {
                found.add(new OptimizationOpportunity(OptimizationOpportunity.Kind.INACTIVE_USER_DATA,
                        snapshot.owner() + ": " + snapshot.cloudFolder(), snapshot.usedBytes(),
                        Map.of("tenant", snapshot.tenant(), "cloudFolder", snapshot.cloudFolder(), "usedBytes",
                                Long.toString(snapshot.usedBytes()), "measuredAt", snapshot.time().toString(),
                                "noLoginSince", user.noLoginSince().toString())));
            }
        }
        if (files != null) {
            LocalDateTime oldBefore = LocalDateTime.now(this.clock).minus(oldAfter);
            for (String root : roots) {
                scan(files, root, largeFileBytes, oldBefore, maxVersions, found);
            }
        }
        found.sort(java.util.Comparator.comparingLong(OptimizationOpportunity::estimatedSavingsBytes).reversed());
        return found;
    }

    private static void scan(CloudFiles files, String folder, long largeFileBytes, LocalDateTime oldBefore,
            int maxVersions, List<OptimizationOpportunity> found) {
        List<FileInfo> children;
        try (Stream<FileInfo> listed = files.list(folder, ListOptions.withDeleted())) {
            children = listed.toList();
        }
        for (FileInfo item : children) {
            if (item.deleted()) {
                found.add(new OptimizationOpportunity(OptimizationOpportunity.Kind.DELETED_ITEM, item.path(),
                        item.size(), Map.of("path", item.path(), "sizeBytes", Long.toString(item.size()),
                                "deleted", "true")));
            }
            else if (item.folder()) {
                scan(files, item.path(), largeFileBytes, oldBefore, maxVersions, found);
            }
            else {
                if (item.size() >= largeFileBytes && item.lastModified() != null
                        && item.lastModified().isBefore(oldBefore)) {
                    found.add(new OptimizationOpportunity(OptimizationOpportunity.Kind.LARGE_OLD_FILE, item.path(),
                            item.size(), Map.of("path", item.path(), "sizeBytes", Long.toString(item.size()),
                                    "lastModified", item.lastModified().toString())));
                }
                int versions = files.versions(item.path()).size();
                if (versions > maxVersions) {
                    found.add(new OptimizationOpportunity(OptimizationOpportunity.Kind.MANY_VERSIONS, item.path(),
                            item.size() * (versions - maxVersions), Map.of("path", item.path(), "versions",
                                    Integer.toString(versions), "currentSizeBytes", Long.toString(item.size()))));
                }
            }
        }
    }

    private UsageSnapshot toSnapshot(CloudFolderUsageDay day) {
        return new UsageSnapshot(this.portal, day.date().atStartOfDay().toInstant(ZoneOffset.UTC), day.tenant(),
                day.cloudFolder(), day.owner(), day.sizeBytes(), day.quotaBytes(), day.totalFiles());
    }

    private static void keepLatest(Map<LocalDate, Map<String, UsageSnapshot>> byDay, UsageSnapshot snapshot) {
        LocalDate date = LocalDate.ofInstant(snapshot.time(), ZoneOffset.UTC);
        String folder = snapshot.tenant() + "/" + snapshot.owner() + "/" + snapshot.cloudFolder();
        byDay.computeIfAbsent(date, day -> new HashMap<>())
            .merge(folder, snapshot, (a, b) -> b.time().isBefore(a.time()) ? a : b);
    }
}
