package com.ctera.benchmarks.soak;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import com.ctera.simulator.FaultRule;

/**
 * Which simulator faults a soak injects, each with the percentage of calls it hits. Written as
 * {@code kind=percent,...}, e.g. {@code 500=2,reset=1,expiry=1}; the kinds are listed in {@link #KINDS}.
 */
public record FaultMix(Map<String, Double> percentages) {

    /** A delay or stall this long outlasts the soak's attempt timeout and minimum-throughput window. */
    static final Duration PAST_TIMEOUTS = Duration.ofMillis(2500);

    /** Every kind of fault a mix may name, and the rule it arms for one request of an operation. */
    static final Map<String, BiFunction<FaultRule, Duration, FaultRule>> KINDS;

    static {
        Map<String, BiFunction<FaultRule, Duration, FaultRule>> kinds = new LinkedHashMap<>();
        kinds.put("500", (rule, wait) -> rule.status(500));
        kinds.put("500after", (rule, wait) -> rule.status(500).afterProcessing());
        kinds.put("404", (rule, wait) -> rule.status(404));
        kinds.put("429", (rule, wait) -> rule.tooManyRequests(Duration.ofSeconds(1)));
        kinds.put("503", (rule, wait) -> rule.serviceUnavailable(Duration.ofSeconds(1)));
        kinds.put("reset", (rule, wait) -> rule.connectionReset());
        kinds.put("resetAfter", (rule, wait) -> rule.connectionReset().afterProcessing());
        kinds.put("truncated", (rule, wait) -> rule.truncatedBody());
        kinds.put("stall", (rule, wait) -> rule.stalledBody(wait));
        kinds.put("delay", (rule, wait) -> rule.delay(wait));
        kinds.put("expiry", (rule, wait) -> rule.expireSession());
        kinds.put("midTransfer", (rule, wait) -> rule.expireSessionMidTransfer());
        KINDS = Collections.unmodifiableMap(kinds);
    }

    /** Every kind at once, about one call in six faulted; delays and stalls rarer, as each holds a caller a while. */
    public static final String DEFAULT = "500=2,500after=1,404=1,429=2,503=1,reset=2,resetAfter=1,truncated=2,"
            + "stall=0.25,delay=0.25,expiry=2,midTransfer=2";

    public FaultMix {
        percentages = Collections.unmodifiableMap(new LinkedHashMap<>(percentages));
        double total = percentages.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 100) {
            throw new IllegalArgumentException("The fault percentages add up to " + total + ", more than 100");
        }
    }

    /**
     * Reads {@code kind=percent,...}.
     * @throws IllegalArgumentException naming the bad entry and what is allowed
     */
    public static FaultMix parse(String text) {
        Map<String, Double> percentages = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] pair = entry.split("=", 2);
            String kind = pair[0].trim();
            if (!KINDS.containsKey(kind) || pair.length != 2) {
                throw new IllegalArgumentException("fault mix entry '" + entry.trim() + "' must be kind=percent with a "
                        + "kind of " + KINDS.keySet());
            }
            try {
                double percent = Double.parseDouble(pair[1].trim());
                if (percent < 0 || percent > 100) {
                    throw new NumberFormatException();
                }
                percentages.put(kind, percent);
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("fault mix entry '" + entry.trim() + "' must give a percentage "
                        + "from 0 to 100");
            }
        }
        return new FaultMix(percentages);
    }

    /** The rule for one call of {@code operation}, drawn by the mix, or null for a call without a fault. */
    @Nullable FaultRule draw(String operation, RandomGenerator random) {
        double roll = random.nextDouble() * 100;
        for (Map.Entry<String, Double> entry : this.percentages.entrySet()) {
            roll -= entry.getValue();
            if (roll < 0) {
                return KINDS.get(entry.getKey()).apply(FaultRule.forOperation(operation), PAST_TIMEOUTS);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        this.percentages.forEach((kind, percent) -> text.append(text.isEmpty() ? "" : ",").append(kind).append('=')
                .append(String.format(Locale.ROOT, "%s", percent)));
        return text.toString();
    }
}
