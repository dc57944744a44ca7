package com.ctera.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * The cloud drive's starting content: a {@code My Files} folder for every user and, with seeding, files in several
 * users' folders plus 90 days of synthesized history (logins, failed logins from unusual addresses, file activity,
 * daily usage growing to what is stored). Deterministic: a fixed seed, dates relative to the start day.
 */
final class DemoFiles {

    /** How many days of history the demo data has. */
    static final int HISTORY_DAYS = 90;

    /** The addresses failed-login bursts come from: outside every user's usual network. */
    static final List<String> UNUSUAL_ADDRESSES = List.of("185.220.101.47", "45.155.205.233", "103.251.167.10");

    /** A user who never logs in during the history (the known inactive user). */
    static final String NEVER_LOGGED_IN = "harper.martin";

    /** A user whose last login is {@link #DORMANT_SINCE_DAYS} days before today. */
    static final String DORMANT_USER = "benjamin.smith";

    /** How many days before today {@link #DORMANT_USER} last logged in (or earlier). */
    static final int DORMANT_SINCE_DAYS = 45;

    /** A user whose account is used at night from a new address to download many files (the known anomaly). */
    static final String ANOMALOUS_USER = "noah.brown";

    /** The address of the anomalous night session. */
    static final String ANOMALY_ADDRESS = "198.51.100.23";

    /** Days before today of the anomalous night session. */
    static final int ANOMALY_DAY = 5;

    /** Downloads in the anomalous night session. */
    static final int ANOMALY_DOWNLOADS = 40;

    /** Denied operations: (user, days before today, action, path). */
    static final List<List<String>> ACCESS_DENIALS = List.of(
            List.of("olivia.smith", "20", "download", "/Finance/2026/payroll.xlsx"),
            List.of("olivia.smith", "20", "download", "/Finance/2026/salaries.xlsx"),
            List.of("olivia.smith", "19", "delete", "/Finance/2026/payroll.xlsx"),
            List.of("liam.johnson", "9", "upload", "/Projects/Apollo/secret.docx"),
            List.of("alice", "2", "download", "/Legal/contract-draft.pdf"));

    private static final long SEED = 20_261_126L;

    private static final String[] FOLDERS = { "Documents", "Projects/Apollo", "Projects/Zephyr", "Finance/2026",
            "Photos" };
    private static final String[] STEMS = { "report", "budget", "minutes", "design", "roadmap", "invoice", "notes",
            "contract", "summary", "plan" };
    private static final String[] EXTENSIONS = { "docx", "xlsx", "pdf", "txt", "pptx", "png" };

    private DemoFiles() {
    }

    static void load(SimulatorState state, FileStore files, LogStore logs, StatisticsApi statistics, boolean seed,
            Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime created = today.minusDays(HISTORY_DAYS + 1L).atTime(9, 0);
        List<UserRecord> users = new ArrayList<>();
        List<Tenant> tenants = new ArrayList<>(state.tenants());
        tenants.sort(Comparator.comparing(Tenant::name));
        for (Tenant tenant : tenants) {
            for (UserRecord user : tenant.users().values()) {
                files.createCloudFolder(user, SimulatorState.PERSONAL_FOLDER, SimulatorState.DEFAULT_QUOTA_BYTES,
                        created);
                users.add(user);
            }
        }
        if (!seed) {
            return;
        }
        Random random = new Random(SEED);
        List<UserRecord> active = users.stream()
            .filter(user -> !Role.Disabled.name().equals(user.role()))
            .toList();
        List<UserRecord> withFiles = new ArrayList<>();
        for (UserRecord user : active) {
            if (user.name().equals(DemoData.END_USER.username()) || user.name().equals(DemoData.TENANT_ADMIN.username())
                    || user.tenant().equals("globex") || withFiles.size() < 12) {
                withFiles.add(user);
            }
        }
        List<LogRecord> history = new ArrayList<>();
        for (UserRecord user : withFiles) {
            seedFiles(files, user, random, today, history);
        }
        for (UserRecord user : active) {
            // Generated for every user so the random sequence, and the rest of the history, stays the same.
            List<LogRecord> logins = logins(user, random, today);
            if (user.name().equals(NEVER_LOGGED_IN)) {
                continue;
            }
            LocalDateTime dormantAfter = today.minusDays(DORMANT_SINCE_DAYS).atStartOfDay();
            history.addAll(!user.name().equals(DORMANT_USER) ? logins
                    : logins.stream().filter(record -> record.time().isBefore(dormantAfter)).toList());
        }
        history.addAll(attacks(active, today));
        history.addAll(denials(active, today));
        history.addAll(nightSession(active, today));
        logs.addHistory(history);
        statistics.addHistory(usage(files, statistics, users, today));
    }

    private static void seedFiles(FileStore files, UserRecord user, Random random, LocalDate today,
            List<LogRecord> history) {
        CloudFolder folder = files.folders(user.tenant(), user.name()).get(0);
        int count = 3 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String dir = FOLDERS[random.nextInt(FOLDERS.length)];
            String name = STEMS[random.nextInt(STEMS.length)] + "-" + (i + 1) + "." + EXTENSIONS[random.nextInt(
                    EXTENSIONS.length)];
            List<String> inner = new ArrayList<>(List.of(dir.split("/")));
            inner.add(name);
            int versions = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
            int firstDay = 5 + random.nextInt(HISTORY_DAYS - 10);
            List<byte[]> bodies = new ArrayList<>();
            List<LocalDateTime> times = new ArrayList<>();
            for (int v = 0; v < versions; v++) {
                LocalDateTime when = today.minusDays(Math.max(1, firstDay - v * 3L))
                    .atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60), random.nextInt(60)));
                bodies.add(body(user, name, v, 512 + random.nextInt(24 * 1024), random));
                times.add(when);
                String path = SimulatorState.PERSONAL_FOLDER + "/" + String.join("/", inner);
                history.add(record(when, user, "audit", "info", "FileUpload", "Uploaded " + path, homeAddress(user),
                        "upload", "success", path));
            }
            files.seedFile(folder, inner, bodies, times);
        }
    }

    private static byte[] body(UserRecord user, String name, int version, int size, Random random) {
        byte[] header = (name + " by " + user.name() + ", version " + (version + 1) + "\n")
            .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[Math.max(size, header.length)];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + random.nextInt(26));
        }
        System.arraycopy(header, 0, body, 0, header.length);
        return body;
    }

    /** Working-day logins from the user's usual address, a few typos, and some downloads. */
    private static List<LogRecord> logins(UserRecord user, Random random, LocalDate today) {
        List<LogRecord> records = new ArrayList<>();
        String ip = homeAddress(user);
        for (int day = HISTORY_DAYS; day >= 1; day--) {
            LocalDate date = today.minusDays(day);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (random.nextDouble() > (weekend ? 0.15 : 0.75)) {
                continue;
            }
            LocalDateTime when = date.atTime(7 + random.nextInt(3), random.nextInt(60), random.nextInt(60));
            if (random.nextDouble() < 0.04) {
                records.add(record(when.minusMinutes(1), user, "access", "warning", "LoginFailed",
                        "User " + user.name() + " failed to log in from " + ip, ip, "login", "failure",
                        "Wrong username or password"));
            }
            records.add(record(when, user, "access", "info", "Login",
                    "User " + user.name() + " logged in from " + ip, ip, "login", "success", null));
            if (random.nextDouble() < 0.5) {
                String path = SimulatorState.PERSONAL_FOLDER + "/" + FOLDERS[random.nextInt(FOLDERS.length)];
                records.add(record(when.plusMinutes(5 + random.nextInt(120)), user, "audit", "info", "FileDownload",
                        "Downloaded " + path, ip, "download", "success", path));
            }
        }
        return records;
    }

    /** Bursts of failed logins from unusual addresses against a few users; one of them finally gets in. */
    private static List<LogRecord> attacks(List<UserRecord> users, LocalDate today) {
        List<LogRecord> records = new ArrayList<>();
        int[] days = { 61, 34, 12, 3 };
        for (int i = 0; i < days.length && !users.isEmpty(); i++) {
            UserRecord target = users.get((i * 7 + 1) % users.size());
            String ip = UNUSUAL_ADDRESSES.get(i % UNUSUAL_ADDRESSES.size());
            LocalDateTime start = today.minusDays(days[i]).atTime(2, 13, 0);
            for (int attempt = 0; attempt < 6 + i; attempt++) {
                records.add(record(start.plusSeconds(attempt * 17L), target, "access", "warning", "LoginFailed",
                        "User " + target.name() + " failed to log in from " + ip, ip, "login", "failure",
                        "Wrong username or password"));
            }
            if (i == 2) {
                records.add(record(start.plusMinutes(5), target, "access", "info", "Login",
                        "User " + target.name() + " logged in from " + ip, ip, "login", "success", null));
            }
        }
        return records;
    }

    /** Operations refused for lack of permission (audit warnings with result failure). */
    private static List<LogRecord> denials(List<UserRecord> users, LocalDate today) {
        List<LogRecord> records = new ArrayList<>();
        for (int i = 0; i < ACCESS_DENIALS.size(); i++) {
            List<String> denial = ACCESS_DENIALS.get(i);
            UserRecord user = find(users, denial.get(0));
            if (user == null) {
                continue;
            }
            LocalDateTime when = today.minusDays(Integer.parseInt(denial.get(1))).atTime(10, 15 + i, 0);
            records.add(record(when, user, "audit", "warning", "AccessDenied",
                    "User " + user.name() + " was denied " + denial.get(2) + " of " + denial.get(3),
                    homeAddress(user), denial.get(2), "failure", denial.get(3)));
        }
        return records;
    }

    /** A login at 03:05 from a new address followed by many downloads within the hour. */
    private static List<LogRecord> nightSession(List<UserRecord> users, LocalDate today) {
        UserRecord user = find(users, ANOMALOUS_USER);
        if (user == null) {
            return List.of();
        }
        List<LogRecord> records = new ArrayList<>();
        LocalDateTime start = today.minusDays(ANOMALY_DAY).atTime(3, 5, 0);
        records.add(record(start, user, "access", "info", "Login",
                "User " + user.name() + " logged in from " + ANOMALY_ADDRESS, ANOMALY_ADDRESS, "login", "success",
                null));
        for (int i = 0; i < ANOMALY_DOWNLOADS; i++) {
            String path = SimulatorState.PERSONAL_FOLDER + "/" + FOLDERS[i % FOLDERS.length] + "/file-" + i;
            records.add(record(start.plusSeconds(30L + i * 60L), user, "audit", "info", "FileDownload",
                    "Downloaded " + path, ANOMALY_ADDRESS, "download", "success", path));
        }
        return records;
    }

    private static @Nullable UserRecord find(List<UserRecord> users, String name) {
        return users.stream().filter(user -> user.name().equals(name)).findFirst().orElse(null);
    }

    /** One snapshot per folder per past day, growing to (about) today's stored size. */
    private static List<UsageSnapshot> usage(FileStore files, StatisticsApi statistics, List<UserRecord> users,
            LocalDate today) {
        List<UsageSnapshot> snapshots = new ArrayList<>();
        for (UserRecord user : users) {
            for (CloudFolder folder : files.folders(user.tenant(), user.name())) {
                UsageSnapshot now = statistics.today(folder, today);
                for (int day = HISTORY_DAYS; day >= 1; day--) {
                    double share = 0.35 + 0.65 * (HISTORY_DAYS - day) / HISTORY_DAYS;
                    snapshots.add(new UsageSnapshot(today.minusDays(day), folder.tenant(), folder.owner(),
                            folder.uid(), folder.name(), Math.round(now.cloudFolderSize() * share),
                            Math.round(now.totalFiles() * share), folder.quotaBytes()));
                }
            }
        }
        return snapshots;
    }

    /** Each user's usual address, stable across runs: 10.{tenant}.{n}.{n}. */
    static String homeAddress(UserRecord user) {
        int hash = Math.floorMod(user.name().hashCode(), 250);
        return "10." + (user.tenant().equals("globex") ? 20 : 10) + "." + (1 + hash / 50) + "." + (1 + hash);
    }

    private static LogRecord record(LocalDateTime time, UserRecord user, String topic, String severity,
            String logName, String msg, String ip, String action, String result, String more) {
        return new LogRecord(0, time, user.tenant(), topic, severity, "Portal", user.tenant(), logName, msg,
                user.name(), ip, action, result, more);
    }
}
