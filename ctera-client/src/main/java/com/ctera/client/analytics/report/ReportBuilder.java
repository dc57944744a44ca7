package com.ctera.client.analytics.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Report}: a title, a source of rows ({@link ReportSources}), filters, aggregations with group-by,
 * sort, limit, the columns shown and an optional chart. Nothing is read until the report is exported.
 *
 * <pre>{@code
 * Report report = ReportBuilder.titled("Failed logins per user")
 *     .source(ReportSources.logs(logSource, from, to))
 *     .where("result", Operator.EQ, "failure")
 *     .groupBy("username").aggregate(Aggregation.count())
 *     .sortBy("count", true).limit(10)
 *     .build();
 * report.export(ReportFormat.CSV, out);
 * }</pre>
 */
public final class ReportBuilder {

    /** Most rows sorted without a limit or an aggregation: a sort must hold every row it sorts. */
    public static final int MAX_SORTED_ROWS = 100_000;

    private final String title;

    private @Nullable Supplier<Stream<Row>> source;

    private final List<Predicate<Row>> filters = new ArrayList<>();

    private final List<String> groupBy = new ArrayList<>();

    private final List<Aggregation> aggregations = new ArrayList<>();

    private @Nullable Comparator<Row> sort;

    private int limit = -1;

    private final List<String> columns = new ArrayList<>();

    private @Nullable ChartSpec chart;

    private ReportBuilder(String title) {
        this.title = title;
    }

    /** A report with this title. */
    public static ReportBuilder titled(String title) {
        if (title.isBlank()) {
            throw new IllegalArgumentException("a report needs a title");
        }
        return new ReportBuilder(title);
    }

    /** Where rows come from; called once per export, and the stream is closed after it. */
    public ReportBuilder source(Supplier<Stream<Row>> rows) {
        this.source = Objects.requireNonNull(rows, "rows");
        return this;
    }

    /** Keeps rows the predicate accepts (all filters must accept). */
    public ReportBuilder filter(Predicate<Row> predicate) {
        this.filters.add(predicate);
        return this;
    }

    /** Keeps rows whose {@code field} compares to {@code value} as {@code operator} says. */
    public ReportBuilder where(String field, Operator operator, Object value) {
        return filter(row -> operator.test(row.get(field), value));
    }

    /** Groups rows by these fields; each group becomes one row with the aggregations. */
    public ReportBuilder groupBy(String... fields) {
        this.groupBy.addAll(List.of(fields));
        return this;
    }

    /** Adds aggregated columns (a count when none is given and rows are grouped). */
    public ReportBuilder aggregate(Aggregation... aggregations) {
        this.aggregations.addAll(List.of(aggregations));
        return this;
    }

    /** Sorts by a column (numbers numerically, others as text, nulls last); later calls break ties. */
    public ReportBuilder sortBy(String field, boolean descending) {
        Comparator<Row> by = Comparator.comparing(row -> row.get(field), ReportBuilder::compareValues);
        Comparator<Row> directed = descending ? Comparator.comparing(row -> row.get(field),
                Comparator.nullsLast((a, b) -> compareValues(b, a))) : by;
        this.sort = (this.sort == null) ? directed : this.sort.thenComparing(directed);
        return this;
    }

    /** At most this many rows. */
    public ReportBuilder limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.limit = limit;
        return this;
    }

    /** Shows only these columns, in this order. */
    public ReportBuilder columns(String... columns) {
        this.columns.addAll(List.of(columns));
        return this;
    }

    /** Draws a chart of the rows in the HTML export. */
    public ReportBuilder chart(ChartSpec chart) {
        this.chart = chart;
        return this;
    }

    /** The report. */
    public Report build() {
        if (this.source == null) {
            throw new IllegalStateException("Report '" + this.title + "' has no source: call source(...)");
        }
        List<Aggregation> aggregated = new ArrayList<>(this.aggregations);
        if (aggregated.isEmpty() && !this.groupBy.isEmpty()) {
            aggregated.add(Aggregation.count());
        }
        List<String> shown = new ArrayList<>(this.columns);
        if (shown.isEmpty() && !aggregated.isEmpty()) {
            shown.addAll(this.groupBy);
            aggregated.forEach(aggregation -> shown.add(aggregation.name()));
        }
        Predicate<Row> accepted = this.filters.stream().reduce(row -> true, Predicate::and);
        return new Report(this.title, this.source, accepted, List.copyOf(this.groupBy), aggregated, this.sort,
                this.limit, shown, this.chart);
    }

    /** Numbers compare numerically, anything else by its text; nulls last. */
    static int compareValues(@Nullable Object a, @Nullable Object b) {
        if (a == null || b == null) {
            return (a == null) ? ((b == null) ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return a.toString().compareTo(b.toString());
    }

    /** How a {@link #where} filter compares a field with a value. */
    public enum Operator {
        /** Equal (numbers numerically). */
        EQ,
        /** Not equal. */
        NE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GE,
        /** Less than. */
        LT,
        /** Less than or equal. */
        LE,
        /** The field's text contains the value's text. */
        CONTAINS;

        boolean test(@Nullable Object field, Object value) {
            if (this == CONTAINS) {
                return field != null && field.toString().contains(value.toString());
            }
            if (field == null) {
                return this == NE;
            }
            Object left = field;
            Object right = value;
            if (value instanceof Number && field instanceof String text) {
                try {
                    left = Double.parseDouble(text.trim());
                }
                catch (NumberFormatException ex) {
                    return this == NE;
                }
            }
            int order = compareValues(left, right);
            return switch (this) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case CONTAINS -> throw new IllegalStateException();
            };
        }
    }
}
