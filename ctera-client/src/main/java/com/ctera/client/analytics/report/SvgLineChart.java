package com.ctera.client.analytics.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A line chart drawn as SVG from rows as they are written. At most {@link #MAX_POINTS} points are kept: beyond
 * that every second one is dropped and the stride doubles, so a chart of any number of rows stays small.
 */
final class SvgLineChart {

    static final int MAX_POINTS = 1000;

    /** Series colours (colour-blind safe, after Okabe and Ito). */
    static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9");

    private static final int WIDTH = 860;

    private static final int HEIGHT = 360;

    private static final int LEFT = 80;

    private static final int RIGHT = 20;

    private static final int TOP = 40;

    private static final int BOTTOM = 50;

    private final ChartSpec spec;

    private final List<String> labels = new ArrayList<>();

    private final List<@Nullable Double[]> values = new ArrayList<>();

    private long seen;

    private long stride = 1;

    SvgLineChart(ChartSpec spec) {
        this.spec = spec;
    }

    void add(Row row) {
        if (this.seen++ % this.stride != 0) {
            return;
        }
        Object x = row.get(this.spec.x());
        this.labels.add((x != null) ? x.toString() : "");
        int columns = this.spec.series().size() + 2;
        Double[] point = new Double[columns];
        for (int i = 0; i < this.spec.series().size(); i++) {
            point[i] = row.number(this.spec.series().get(i));
        }
        if (this.spec.bandLower() != null) {
            point[columns - 2] = row.number(this.spec.bandLower());
            point[columns - 1] = row.number(this.spec.bandUpper());
        }
        this.values.add(point);
        if (this.labels.size() >= MAX_POINTS) {
            thin();
        }
    }

    private void thin() {
        for (int i = this.labels.size() - 1; i >= 0; i--) {
            if (i % 2 == 1) {
                this.labels.remove(i);
                this.values.remove(i);
            }
        }
        this.stride *= 2;
    }

    void write(Writer out) throws IOException {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double[] point : this.values) {
            for (Double value : point) {
                if (value != null) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        out.write("<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" role=\"img\" aria-label=\""
                + HtmlReportWriter.escape(String.join(", ", this.spec.series()) + " by " + this.spec.x()) + "\">");
        out.write("<rect x=\"0\" y=\"0\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" fill=\"#fff\"/>");
        if (this.values.isEmpty() || min == Double.POSITIVE_INFINITY) {
            out.write("<text x=\"" + WIDTH / 2 + "\" y=\"" + HEIGHT / 2
                    + "\" text-anchor=\"middle\">No data to chart</text></svg>");
            return;
        }
        if (max == min) {
            max = min + 1;
        }
        double pad = (max - min) * 0.05;
        double low = min - pad;
        double high = max + pad;
        axes(out, low, high);
        int band = this.spec.series().size();
        if (this.spec.bandLower() != null) {
            StringBuilder upper = new StringBuilder();
            StringBuilder lower = new StringBuilder();
            for (int i = 0; i < this.values.size(); i++) {
                Double lo = this.values.get(i)[band];
                Double hi = this.values.get(i)[band + 1];
                if (lo != null && hi != null) {
                    upper.append(point(i, hi, low, high)).append(' ');
                    lower.insert(0, point(i, lo, low, high) + " ");
                }
            }
            if (upper.length() > 0) {
                out.write("<polygon class=\"band\" points=\"" + upper + lower + "\" fill=\"" + COLOURS.get(1)
                        + "\" fill-opacity=\"0.18\" stroke=\"none\"/>");
            }
        }
        for (int s = 0; s < this.spec.series().size(); s++) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < this.values.size(); i++) {
                Double value = this.values.get(i)[s];
                if (value != null) {
                    points.append(point(i, value, low, high)).append(' ');
                }
            }
            String colour = COLOURS.get(s % COLOURS.size());
            out.write("<polyline class=\"series\" points=\"" + points + "\" fill=\"none\" stroke=\"" + colour
                    + "\" stroke-width=\"2.5\"/>");
            out.write("<rect x=\"" + (LEFT + s * 200) + "\" y=\"12\" width=\"14\" height=\"14\" fill=\"" + colour
                    + "\"/><text x=\"" + (LEFT + s * 200 + 20) + "\" y=\"24\" font-size=\"13\">"
                    + HtmlReportWriter.escape(this.spec.series().get(s)) + "</text>");
        }
        out.write("</svg>");
    }

    private void axes(Writer out, double low, double high) throws IOException {
        int plotBottom = HEIGHT - BOTTOM;
        out.write("<g font-size=\"11\" fill=\"#444\" stroke=\"none\">");
        for (int tick = 0; tick <= 4; tick++) {
            double value = low + (high - low) * tick / 4;
            double y = y(value, low, high);
            out.write(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#e5e5e5\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, y,
                    WIDTH - RIGHT, y, LEFT - 6, y + 4, HtmlReportWriter.escape(compact(value))));
        }
        int n = this.labels.size();
        int ticks = Math.min(5, n);
        for (int tick = 0; tick < ticks; tick++) {
            int index = (n == 1) ? 0 : (int) Math.round((double) tick * (n - 1) / Math.min(4, n - 1));
            // The outer labels align inwards so that they stay inside the picture.
            String anchor = (ticks == 1) ? "middle" : (tick == 0) ? "start" : (tick == ticks - 1) ? "end" : "middle";
            out.write(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>",
                    x(index), plotBottom + 18, anchor, HtmlReportWriter.escape(this.labels.get(index))));
        }
        out.write(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" "
                + "text-anchor=\"middle\">%s</text>", TOP + (plotBottom - TOP) / 2, TOP + (plotBottom - TOP) / 2,
                HtmlReportWriter.escape(this.spec.yLabel())));
        out.write("</g><line x1=\"" + LEFT + "\" y1=\"" + plotBottom + "\" x2=\"" + (WIDTH - RIGHT) + "\" y2=\""
                + plotBottom + "\" stroke=\"#888\"/>");
    }

    private String point(int index, double value, double low, double high) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x(index), y(value, low, high));
    }

    private double x(int index) {
        int n = this.labels.size();
        return LEFT + ((n <= 1) ? 0.5 : (double) index / (n - 1)) * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double value, double low, double high) {
        return TOP + (1 - (value - low) / (high - low)) * (HEIGHT - TOP - BOTTOM);
    }

    /** 1234567 as "1.23M": axis labels stay short. */
    static String compact(double value) {
        double magnitude = Math.abs(value);
        String[] units = { "", "k", "M", "G", "T", "P" };
        int unit = 0;
        while (magnitude >= 1000 && unit < units.length - 1) {
            magnitude /= 1000;
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, (Math.abs(value) >= 100 || unit == 0 && value == Math.rint(value))
                ? "%.0f%s" : "%.3g%s", value, units[unit]);
    }
}
