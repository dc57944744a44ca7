package com.ctera.client.analytics.report;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** The running state of one aggregation in one group; only a percentile keeps the values themselves. */
final class Accumulator {

    private final Aggregation aggregation;

    private long rows;

    private long numbers;

    private double sum;

    private double min = Double.POSITIVE_INFINITY;

    private double max = Double.NEGATIVE_INFINITY;

    private double @Nullable [] values;

    Accumulator(Aggregation aggregation) {
        this.aggregation = aggregation;
        if (aggregation.kind() == Aggregation.Kind.PERCENTILE) {
            this.values = new double[16];
        }
    }

    void add(Row row) {
        this.rows++;
        if (this.aggregation.field() == null) {
            return;
        }
        Double value = row.number(this.aggregation.field());
        if (value == null) {
            return;
        }
        double v = value;
        this.sum += v;
        this.min = Math.min(this.min, v);
        this.max = Math.max(this.max, v);
        if (this.values != null) {
            if (this.numbers == this.values.length) {
                this.values = Arrays.copyOf(this.values, this.values.length * 2);
            }
            this.values[(int) this.numbers] = v;
        }
        this.numbers++;
    }

    @Nullable Object result() {
        return switch (this.aggregation.kind()) {
            case COUNT -> this.rows;
            case SUM -> (this.numbers == 0) ? null : whole(this.sum);
            case AVG -> (this.numbers == 0) ? null : this.sum / this.numbers;
            case MIN -> (this.numbers == 0) ? null : whole(this.min);
            case MAX -> (this.numbers == 0) ? null : whole(this.max);
            case PERCENTILE -> (this.numbers == 0) ? null : percentile();
        };
    }

    private double percentile() {
        double[] sorted = Arrays.copyOf(this.values, (int) this.numbers);
        Arrays.sort(sorted);
        double rank = this.aggregation.percentile() / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    // Sums and extremes of whole numbers read best as whole numbers.
    private static Object whole(double value) {
        return (value == Math.rint(value) && Math.abs(value) < 9.0e15) ? (Object) (long) value : (Object) value;
    }
}
