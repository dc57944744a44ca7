package com.ctera.benchmarks.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Whether one resource stayed flat: the mean of the last quarter of the samples after warm-up against the mean of the
 * first quarter, with the rise allowed.
 * @param resource what was sampled
 * @param firstQuarterMean mean of the first quarter after warm-up
 * @param lastQuarterMean mean of the last quarter
 * @param allowedRise how far the last may exceed the first and still count as flat
 */
public record Trend(String resource, double firstQuarterMean, double lastQuarterMean, double allowedRise) {

    /** The share of the samples at the start that are warm-up and left out. */
    static final double WARM_UP = 0.2;

    public boolean flat() {
        return this.lastQuarterMean <= this.firstQuarterMean + this.allowedRise;
    }

    /**
     * @param allowedRise absolute rise allowed
     * @param allowedShare rise allowed as a share of the first quarter's mean; the larger of the two applies
     */
    static Trend of(String resource, List<ResourceSample> samples, ToDoubleFunction<ResourceSample> value,
            double allowedRise, double allowedShare) {
        int from = (int) Math.floor(samples.size() * WARM_UP);
        List<ResourceSample> measured = samples.subList(from, samples.size());
        int quarter = Math.max(1, measured.size() / 4);
        double first = mean(measured.subList(0, quarter), value);
        double last = mean(measured.subList(measured.size() - quarter, measured.size()), value);
        return new Trend(resource, first, last, Math.max(allowedRise, first * allowedShare));
    }

    private static double mean(List<ResourceSample> samples, ToDoubleFunction<ResourceSample> value) {
        return samples.stream().mapToDouble(value).average().orElse(0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: first quarter %.1f, last quarter %.1f (%+.1f, allowed %+.1f) %s",
                this.resource, this.firstQuarterMean, this.lastQuarterMean,
                this.lastQuarterMean - this.firstQuarterMean, this.allowedRise, flat() ? "flat" : "RISING");
    }
}
