package com.ctera.client.analytics.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A report definition from {@link ReportBuilder}: each export reads the source again. Rows stream from source to
 * output; what is held at once is the groups of an aggregation, the rows of a limited sort, or (for a sort without
 * limit) at most {@link ReportBuilder#MAX_SORTED_ROWS} rows.
 */
public final class Report {

    private final String title;

    private final Supplier<Stream<Row>> source;

    private final Predicate<Row> filter;

    private final List<String> groupBy;

    private final List<Aggregation> aggregations;

    private final @Nullable Comparator<Row> sort;

    private final int limit;

    private final List<String> columns;

    private final @Nullable ChartSpec chart;

    Report(String title, Supplier<Stream<Row>> source, Predicate<Row> filter, List<String> groupBy,
            List<Aggregation> aggregations, @Nullable Comparator<Row> sort, int limit, List<String> columns,
            @Nullable ChartSpec chart) {
        this.title = title;
        this.source = source;
        this.filter = filter;
        this.groupBy = groupBy;
        this.aggregations = aggregations;
        this.sort = sort;
        this.limit = limit;
        this.columns = columns;
        this.chart = chart;
    }

    /** The title. */
    public String title() {
        return this.title;
    }

    /** The chart of the HTML export, if any. */
    public Optional<ChartSpec> chart() {
        return Optional.ofNullable(this.chart);
    }

    /** The columns given or implied by aggregation; empty when they are taken from the first row. */
    public List<String> declaredColumns() {
        return this.columns;
    }

    /** Runs the report; the caller closes the stream (which closes the source). */
    public Stream<Row> rows() {
        Stream<Row> rows = this.source.get();
        Stream<Row> filtered = rows.filter(this.filter);
        Stream<Row> shaped = this.aggregations.isEmpty() ? filtered : aggregate(filtered);
        if (this.sort != null) {
            shaped = (this.limit > 0) ? topRows(shaped, this.sort, this.limit) : sortAll(shaped, this.sort);
        }
        else if (this.limit > 0) {
            shaped = shaped.limit(this.limit);
        }
        return this.columns.isEmpty() ? shaped.onClose(rows::close)
                : shaped.map(this::project).onClose(rows::close);
    }

    /** Runs the report into a list (for small reports). */
    public List<Row> toList() {
        try (Stream<Row> rows = rows()) {
            return rows.toList();
        }
    }

    /** Writes the report in {@code format}; the stream is left open. */
    public void export(ReportFormat format, OutputStream out) {
        try (Stream<Row> rows = rows()) {
            ReportWriters.forFormat(format).write(this, rows.iterator(), out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write report '" + this.title + "' as " + format, ex);
        }
    }

    /** Writes the report in {@code format} to a file, replacing it. */
    public Path export(ReportFormat format, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            export(format, out);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write report '" + this.title + "' to " + file, ex);
        }
    }

    private Stream<Row> aggregate(Stream<Row> rows) {
        Map<List<@Nullable Object>, Accumulator[]> groups = new LinkedHashMap<>();
        rows.forEach(row -> {
            List<@Nullable Object> key = new ArrayList<>(this.groupBy.size());
            for (String field : this.groupBy) {
                key.add(row.get(field));
            }
            Accumulator[] accumulators = groups.computeIfAbsent(key, k -> this.aggregations.stream()
                .map(Accumulator::new).toArray(Accumulator[]::new));
            for (Accumulator accumulator : accumulators) {
                accumulator.add(row);
            }
        });
        return groups.entrySet().stream().map(group -> {
            Row row = Row.empty();
            for (int i = 0; i < this.groupBy.size(); i++) {
                row.put(this.groupBy.get(i), group.getKey().get(i));
            }
            for (int i = 0; i < this.aggregations.size(); i++) {
                row.put(this.aggregations.get(i).name(), group.getValue()[i].result());
            }
            return row;
        });
    }

    private static Stream<Row> topRows(Stream<Row> rows, Comparator<Row> order, int limit) {
        PriorityQueue<Row> kept = new PriorityQueue<>(order.reversed());
        rows.forEach(row -> {
            kept.add(row);
            if (kept.size() > limit) {
                kept.poll();
            }
        });
        Row[] sorted = kept.toArray(Row[]::new);
        Arrays.sort(sorted, order);
        return Arrays.stream(sorted);
    }

    private Stream<Row> sortAll(Stream<Row> rows, Comparator<Row> order) {
        List<Row> all = new ArrayList<>();
        rows.forEach(row -> {
            if (all.size() == ReportBuilder.MAX_SORTED_ROWS) {
                throw new IllegalStateException("Report '" + this.title + "' sorts more than "
                        + ReportBuilder.MAX_SORTED_ROWS + " rows: add a limit or an aggregation");
            }
            all.add(row);
        });
        all.sort(order);
        return all.stream();
    }

    private Row project(Row row) {
        Row projected = Row.empty();
        for (String column : this.columns) {
            projected.put(column, row.get(column));
        }
        return projected;
    }
}
