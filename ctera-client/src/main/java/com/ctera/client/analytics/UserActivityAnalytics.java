package com.ctera.client.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.ctera.client.CteraPortal;
import com.ctera.client.users.PortalUser;
import com.ctera.client.users.UserRole;

/**
 * Who does what: the most active users, users who have not logged in for a while (or ever), activity per user per
 * day. Counts come from the logs through {@link LogFields}; only successful actions count as activity.
 */
public final class UserActivityAnalytics {

    private final LogSource logs;

    private final Supplier<Stream<PortalUser>> users;

    private final LogFields fields;

    private final Clock clock;

    /** Analytics over any log source and user list. */
    public UserActivityAnalytics(LogSource logs, Supplier<Stream<PortalUser>> users, LogFields fields, Clock clock) {
        this.logs = logs;
        this.users = users;
        this.fields = fields;
        this.clock = clock;
    }

    /** Analytics over a portal's logs and users. */
    public static UserActivityAnalytics of(CteraPortal portal, LogFields fields, Clock clock) {
        return new UserActivityAnalytics(LogSource.of(portal), () -> portal.users().list(), fields, clock);
    }

    /** The {@code limit} users with the most successful actions in the last {@code period}, most active first. */
    public List<UserActivity> mostActiveUsers(Duration period, int limit) {
        requirePositive(limit, "limit");
        Map<String, Map<String, Long>> byUser = new HashMap<>();
        LocalDateTime now = LocalDateTime.now(this.clock);
        try (Stream<ActivityEvent> events = events(now.minus(period), now)) {
            events.filter(event -> event.user() != null && event.outcome() != ActivityEvent.Outcome.FAILURE)
                .forEach(event -> byUser.computeIfAbsent(event.user(), user -> new TreeMap<>())
                    .merge(event.action() != null ? event.action() : "unknown", 1L, Long::sum));
        }
        List<UserActivity> result = new ArrayList<>();
        byUser.forEach((user, actions) -> {
            long logins = actions.getOrDefault(this.fields.loginAction(), 0L);
            long all = actions.values().stream().mapToLong(Long::longValue).sum();
            result.add(new UserActivity(user, logins, all - logins, actions));
        });
        result.sort(Comparator.comparingLong(UserActivity::total).reversed().thenComparing(UserActivity::user));
        return List.copyOf(result.subList(0, Math.min(limit, result.size())));
    }

    /**
     * Enabled users with no successful login in the last {@code days} days, including those with none at all;
     * reads the logs of those days only, so "never" means "not in that period".
     */
    public List<InactiveUser> inactiveUsers(int days) {
        requirePositive(days, "days");
        LocalDateTime now = LocalDateTime.now(this.clock);
        LocalDateTime from = now.minusDays(days);
        Map<String, LocalDateTime> lastLogin = new HashMap<>();
        try (Stream<ActivityEvent> events = events(from, now)) {
            events.filter(event -> event.successfulLogin() && event.user() != null && event.time() != null)
                .forEach(event -> lastLogin.merge(event.user(), event.time(),
                        (a, b) -> a.isAfter(b) ? a : b));
        }
        try (Stream<PortalUser> all = this.users.get()) {
            return all.filter(user -> user.knownRole().map(role -> role != UserRole.DISABLED).orElse(true))
                .filter(user -> !lastLogin.containsKey(user.name()))
                .map(user -> new InactiveUser(user.name(), user.role(), from))
                .sorted(Comparator.comparing(InactiveUser::user))
                .toList();
        }
    }

    /** Successful logins and other actions per user per day over the last {@code days} days, by day then user. */
    public List<DailyActivity> activityPerUserPerDay(int days) {
        requirePositive(days, "days");
        LocalDateTime now = LocalDateTime.now(this.clock);
        Map<LocalDate, Map<String, long[]>> byDay = new TreeMap<>();
        try (Stream<ActivityEvent> events = events(now.minusDays(days), now)) {
            events.filter(event -> event.user() != null && event.time() != null
                    && event.outcome() != ActivityEvent.Outcome.FAILURE)
                .forEach(event -> {
                    long[] counts = byDay.computeIfAbsent(event.time().toLocalDate(), day -> new TreeMap<>())
                        .computeIfAbsent(event.user(), user -> new long[2]);
                    counts[event.login() ? 0 : 1]++;
                });
        }
        List<DailyActivity> result = new ArrayList<>();
        byDay.forEach((day, users) -> users.forEach(
                (user, counts) -> result.add(new DailyActivity(user, day, counts[0], counts[1]))));
        return result;
    }

    private Stream<ActivityEvent> events(LocalDateTime after, LocalDateTime before) {
        return this.logs.records(after, before).map(this.fields::read);
    }

    static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
