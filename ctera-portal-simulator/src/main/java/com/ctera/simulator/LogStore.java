package com.ctera.simulator;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The portal's log records, oldest first, written by the actions the simulator serves and by the demo history.
 * Appends never reorder earlier records, so paging stays stable while the portal is in use. Thread-safe.
 */
final class LogStore {

    private final Clock clock;
    private final List<LogRecord> records = new ArrayList<>();
    private long lastId;

    LogStore(Clock clock) {
        this.clock = clock;
    }

    /** Logs an action that happens now. */
    void log(String portal, String topic, String severity, String logName, String msg, @Nullable String username,
            @Nullable String ipAddress, String action, String result, @Nullable String more) {
        LocalDateTime now = LocalDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS);
        synchronized (this) {
            this.records.add(new LogRecord(++this.lastId, now, portal, topic, severity, "Portal",
                    portal.isEmpty() ? "Global Administration" : portal, logName, msg, username, ipAddress, action,
                    result, more));
        }
    }

    /** Adds synthesized past records (demo history); they are merged into time order. */
    synchronized void addHistory(List<LogRecord> history) {
        for (LogRecord record : history) {
            this.records.add(new LogRecord(++this.lastId, record.time(), record.portal(), record.topic(),
                    record.severity(), record.originType(), record.origin(), record.logName(), record.msg(),
                    record.username(), record.ipAddress(), record.action(), record.result(), record.more()));
        }
        this.records.sort(Comparator.comparing(LogRecord::time).thenComparingLong(LogRecord::id));
    }

    synchronized List<LogRecord> matching(Predicate<LogRecord> filter) {
        List<LogRecord> result = new ArrayList<>();
        for (LogRecord record : this.records) {
            if (filter.test(record)) {
                result.add(record);
            }
        }
        return result;
    }

    synchronized int size() {
        return this.records.size();
    }
}
