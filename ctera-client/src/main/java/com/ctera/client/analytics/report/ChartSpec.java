package com.ctera.client.analytics.report;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A line chart of a report's rows, in row order: one line per series column, and optionally a shaded band between
 * two columns (a forecast's prediction interval).
 * @param x the column labelling the horizontal axis (dates, names)
 * @param series the numeric columns drawn as lines
 * @param bandLower the band's lower column, or {@code null}
 * @param bandUpper the band's upper column, or {@code null}
 * @param yLabel what the vertical axis measures
 */
public record ChartSpec(String x, List<String> series, @Nullable String bandLower, @Nullable String bandUpper,
        String yLabel) {

    public ChartSpec {
        Objects.requireNonNull(x, "x");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series");
        }
        if ((bandLower == null) != (bandUpper == null)) {
            throw new IllegalArgumentException("a band needs both its lower and its upper column");
        }
    }

    /** Lines of {@code series} against {@code x}. */
    public static ChartSpec line(String x, String yLabel, String... series) {
        return new ChartSpec(x, List.of(series), null, null, yLabel);
    }

    /** These lines with a band between two columns. */
    public ChartSpec withBand(String lower, String upper) {
        return new ChartSpec(this.x, this.series, lower, upper, this.yLabel);
    }
}
