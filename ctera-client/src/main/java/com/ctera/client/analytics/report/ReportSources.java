package com.ctera.client.analytics.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraPortal;
import com.ctera.client.analytics.CapacityForecast;
import com.ctera.client.analytics.DailyUsage;
import com.ctera.client.analytics.LogSource;
import com.ctera.client.analytics.UsageSnapshotStore;
import com.ctera.client.logs.LogEntry;

/** Row sources for {@link ReportBuilder#source}: portal lists, logs, usage snapshots and analytics results. */
public final class ReportSources {

    /** The chart of {@link #forecast}: use so far, the forecast line and its prediction interval. */
    public static final ChartSpec FORECAST_CHART = ChartSpec.line("date", "bytes", "usedBytes", "predictedBytes")
        .withBand("lowerBytes", "upperBytes");

    private ReportSources() {
    }

    /** The portal's users, one row per user with the user's fields. */
    public static Supplier<Stream<Row>> users(CteraPortal portal) {
        return () -> portal.users().list().map(ReportSources::recordRow);
    }

    /** The portal's devices. */
    public static Supplier<Stream<Row>> devices(CteraPortal portal) {
        return () -> portal.devices().list().map(ReportSources::recordRow);
    }

    /** The cloud folders of the portal's current tenant with their size and file count. */
    public static Supplier<Stream<Row>> cloudFolders(CteraPortal portal) {
        return () -> portal.reactive().statistics().cloudFolders().toStream().map(ReportSources::recordRow);
    }

    /**
     * Log records between two times: {@code time} plus every attribute the record has. Streams: records are read
     * and dropped one page at a time.
     */
    public static Supplier<Stream<Row>> logs(LogSource logs, LocalDateTime after, LocalDateTime before) {
        return () -> logs.records(after, before).map(ReportSources::logRow);
    }

    /** A portal's recorded usage snapshots in {@code [from, to)}. */
    public static Supplier<Stream<Row>> usageSnapshots(UsageSnapshotStore store, String portal, Instant from,
            Instant to) {
        return () -> store.find(portal, from, to).map(ReportSources::recordRow);
    }

    /** Any analytic's result (records), one row per record with its components. */
    public static Supplier<Stream<Row>> records(Collection<? extends Record> records) {
        return () -> records.stream().map(ReportSources::recordRow);
    }

    /**
     * A forecast as rows: the days used ({@code usedBytes}) then the predicted days ({@code predictedBytes},
     * {@code lowerBytes}, {@code upperBytes}); draw it with {@link #FORECAST_CHART}.
     */
    public static Supplier<Stream<Row>> forecast(CapacityForecast forecast) {
        return () -> Stream.concat(forecast.pointsUsed().stream().map(ReportSources::usedRow),
                forecast.forecast().stream().map(point -> Row.empty().put("date", point.date().toString())
                    .put("usedBytes", null).put("predictedBytes", Math.round(point.predictedBytes()))
                    .put("lowerBytes", Math.round(point.lowerBytes()))
                    .put("upperBytes", Math.round(point.upperBytes()))));
    }

    private static Row usedRow(DailyUsage day) {
        return Row.empty().put("date", day.date().toString()).put("usedBytes", day.usedBytes())
            .put("predictedBytes", null).put("lowerBytes", null).put("upperBytes", null);
    }

    /** A log record as a row. */
    public static Row logRow(LogEntry entry) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(entry.attributes().size() + 2);
        values.put("time", (entry.time() != null) ? entry.time().toString() : null);
        entry.attributes().forEach((name, value) -> {
            if (!name.equals("time")) {
                values.put(name, value);
            }
        });
        return Row.of(values);
    }

    /** A record as a row: one column per component; times as ISO text, collections as their size. */
    public static Row recordRow(Record record) {
        Row row = Row.empty();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                row.put(component.getName(), simple(component.getAccessor().invoke(record)));
            }
            catch (IllegalAccessException | InvocationTargetException ex) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of "
                        + record.getClass().getSimpleName(), ex);
            }
        }
        return row;
    }

    private static @Nullable Object simple(@Nullable Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof TemporalAccessor || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Record nested) {
            return recordRow(nested).values().toString();
        }
        return value.toString();
    }
}
