package com.ctera.benchmarks.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a soak found.
 * @param calls calls started
 * @param took from the first call to the last one's end
 * @param outcomes calls per outcome: {@code correct}, or the simple name of the exception
 * @param untypedFailures messages of calls that failed with something other than a {@code CteraException} (a few)
 * @param unfinished calls that had not ended when the soak gave up waiting for them (hung)
 * @param samples resources over time
 * @param trends each watched resource, first quarter against last
 * @param connectionsInUseAtEnd connections lent out once every call had ended
 */
public record SoakReport(long calls, Duration took, Map<String, Long> outcomes, List<String> untypedFailures,
        long unfinished, List<ResourceSample> samples, List<Trend> trends, int connectionsInUseAtEnd) {

    /** Calls per second achieved. */
    public double rate() {
        return this.calls / Math.max(0.001, this.took.toNanos() / 1e9);
    }

    /** Every call ended typed or correct, none hung, nothing held at the end, and every resource stayed flat. */
    public boolean passed() {
        return this.untypedFailures.isEmpty() && this.unfinished == 0 && this.connectionsInUseAtEnd == 0
                && this.trends.stream().allMatch(Trend::flat);
    }
}
