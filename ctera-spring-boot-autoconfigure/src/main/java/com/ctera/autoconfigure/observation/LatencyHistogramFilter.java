package com.ctera.autoconfigure.observation;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Turns on histogram buckets for the timer of exactly one name, leaving the meters whose names merely start with it
 * (the in-flight long task timer, the retries summary) as they are.
 */
final class LatencyHistogramFilter implements MeterFilter {

    private final String timerName;

    LatencyHistogramFilter(String timerName) {
        this.timerName = timerName;
    }

    @Override
    public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !this.timerName.equals(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
    }
}
