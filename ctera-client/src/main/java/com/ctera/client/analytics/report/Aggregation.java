package com.ctera.client.analytics.report;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One aggregated column: a count of rows, or a sum, mean, minimum, maximum or percentile of a numeric field
 * (values that are not numbers are skipped).
 * @param kind the function
 * @param field the field aggregated; {@code null} for a count
 * @param percentile for {@link Kind#PERCENTILE}, the percentile between 0 and 100
 * @param name the output column's name
 */
public record Aggregation(Kind kind, @Nullable String field, double percentile, String name) {

    public Aggregation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind != Kind.COUNT && field == null) {
            throw new IllegalArgumentException(kind + " needs a field");
        }
        if (kind == Kind.PERCENTILE && !(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be between 0 and 100, was " + percentile);
        }
    }

    /** The aggregate functions. */
    public enum Kind {
        /** Rows in the group. */
        COUNT,
        /** Sum of the field. */
        SUM,
        /** Arithmetic mean of the field. */
        AVG,
        /** Least value of the field. */
        MIN,
        /** Greatest value of the field. */
        MAX,
        /** A percentile of the field, interpolated linearly between ranks (Excel's PERCENTILE.INC). */
        PERCENTILE
    }

    /** Rows per group, column {@code count}. */
    public static Aggregation count() {
        return new Aggregation(Kind.COUNT, null, 0, "count");
    }

    /** Sum of a field, column {@code sum_<field>}. */
    public static Aggregation sum(String field) {
        return of(Kind.SUM, field);
    }

    /** Mean of a field, column {@code avg_<field>}. */
    public static Aggregation avg(String field) {
        return of(Kind.AVG, field);
    }

    /** Least value of a field, column {@code min_<field>}. */
    public static Aggregation min(String field) {
        return of(Kind.MIN, field);
    }

    /** Greatest value of a field, column {@code max_<field>}. */
    public static Aggregation max(String field) {
        return of(Kind.MAX, field);
    }

    /** A percentile (0–100) of a field, column {@code p<percentile>_<field>}. */
    public static Aggregation percentile(String field, double percentile) {
        String label = (percentile == Math.rint(percentile)) ? Long.toString((long) percentile)
                : Double.toString(percentile);
        return new Aggregation(Kind.PERCENTILE, field, percentile, "p" + label + "_" + field);
    }

    /** This aggregation under another column name. */
    public Aggregation as(String columnName) {
        return new Aggregation(this.kind, this.field, this.percentile, columnName);
    }

    private static Aggregation of(Kind kind, String field) {
        return new Aggregation(kind, field, 0, kind.name().toLowerCase(Locale.ROOT) + "_" + field);
    }
}
