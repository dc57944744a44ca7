package com.ctera.client.analytics;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraPortal;
import com.ctera.client.logs.LogEntry;
import com.ctera.client.logs.LogQuery;
import com.ctera.client.logs.LogSeverity;
import com.ctera.client.logs.LogTopic;

/** Where analytics read log records from: the records strictly between two times, oldest first, streamed. */
@FunctionalInterface
public interface LogSource {

    /** The records after {@code after} and before {@code before}, oldest first; the caller closes the stream. */
    Stream<LogEntry> records(LocalDateTime after, LocalDateTime before);

    /**
     * A portal's {@code access} (logins) and {@code audit} (file and administration actions) logs, every severity,
     * merged in time order; pages are read as the stream is consumed.
     */
    static LogSource of(CteraPortal portal) {
        return (after, before) -> {
            Stream<LogEntry> access = portal.logs().query(query(LogTopic.ACCESS, after, before));
            Stream<LogEntry> audit = portal.logs().query(query(LogTopic.AUDIT, after, before));
            return merged(access, audit);
        };
    }

    private static LogQuery query(LogTopic topic, LocalDateTime after, LocalDateTime before) {
        return LogQuery.builder().topic(topic).minSeverity(LogSeverity.DEBUG).after(after).before(before)
                .pageSize(500).build();
    }

    /** Two time-ordered streams merged into one, lazily. */
    static Stream<LogEntry> merged(Stream<LogEntry> first, Stream<LogEntry> second) {
        Comparator<LogEntry> byTime = Comparator.comparing(LogEntry::time,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        Iterator<LogEntry> left = first.iterator();
        Iterator<LogEntry> right = second.iterator();
        Iterator<LogEntry> merged = new Iterator<>() {

            private @Nullable LogEntry nextLeft;

            private @Nullable LogEntry nextRight;

            @Override
            public boolean hasNext() {
                return this.nextLeft != null || this.nextRight != null || left.hasNext() || right.hasNext();
            }

            @Override
            public LogEntry next() {
                if (this.nextLeft == null && left.hasNext()) {
                    this.nextLeft = left.next();
                }
                if (this.nextRight == null && right.hasNext()) {
                    this.nextRight = right.next();
                }
                LogEntry l = this.nextLeft;
                LogEntry r = this.nextRight;
                if (l == null && r == null) {
                    throw new NoSuchElementException();
                }
                if (r == null || (l != null && byTime.compare(l, r) <= 0)) {
                    this.nextLeft = null;
                    return l;
                }
                this.nextRight = null;
                return r;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false)
            .onClose(() -> {
                try (first) {
                    second.close();
                }
            });
    }
}
