package com.ctera.client.observation;

import java.util.List;
import java.util.Random;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import com.ctera.client.CteraOperation;
import com.ctera.client.pipeline.CallContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The context's kept tags, of either cardinality, always read back as Micrometer's own context reads them. */
class CteraRequestContextKeyValuesTest {

    private static final List<KeyValues> WHOLE_SETS = List.of(
            KeyValues.of("portal", "main", "operation", "users.get", "outcome", "UNKNOWN"),
            KeyValues.of("portal", "main", "operation", "users.get", "outcome", "SUCCESS"),
            KeyValues.of("portal", "main", "operation", "users.get"),
            KeyValues.of("portal", "main", "operation", "users.get", "outcome", "SUCCESS", "region", "eu"),
            KeyValues.of("application", "sample"),
            KeyValues.empty());

    @Test
    void theConventionsTagsAtStartAndStopAreReadBackWithoutACopy() {
        CteraRequestContext context = new CteraRequestContext(new CallContext("main", CteraOperation.USERS_GET));
        context.addLowCardinalityKeyValues(WHOLE_SETS.get(0));
        assertThat(context.getLowCardinalityKeyValues()).isSameAs(WHOLE_SETS.get(0));
        context.addLowCardinalityKeyValues(WHOLE_SETS.get(1));
        assertThat(context.getLowCardinalityKeyValues()).isSameAs(WHOLE_SETS.get(1));
    }

    @Test
    void anyOtherChangeIsReadBackAsMicrometerReadsIt() {
        Random random = new Random(20261126);
        for (int run = 0; run < 100; run++) {
            CteraRequestContext context = new CteraRequestContext(new CallContext("main", CteraOperation.USERS_GET));
            Observation.Context reference = new Observation.Context();
            for (int step = 0; step < 40; step++) {
                boolean low = random.nextBoolean();
                change(random, low ? Tags.LOW : Tags.HIGH, context, reference);
                // Reads of every kind, some steps none, so that changes also follow changes with no read between.
                String key = List.of("outcome", "status", "portal", "region").get(random.nextInt(4));
                switch (random.nextInt(4)) {
                    case 0 -> assertThat(context.getLowCardinalityKeyValue(key)).as("run %d step %d", run, step)
                        .isEqualTo(reference.getLowCardinalityKeyValue(key));
                    case 1 -> assertThat(context.getHighCardinalityKeyValue(key)).as("run %d step %d", run, step)
                        .isEqualTo(reference.getHighCardinalityKeyValue(key));
                    case 2 -> assertThat(context.getAllKeyValues()).as("run %d step %d", run, step)
                        .isEqualTo(reference.getAllKeyValues());
                    default -> {
                    }
                }
            }
            assertThat(context.getLowCardinalityKeyValues()).as("run %d", run)
                .isEqualTo(reference.getLowCardinalityKeyValues());
            assertThat(context.getHighCardinalityKeyValues()).as("run %d", run)
                .isEqualTo(reference.getHighCardinalityKeyValues());
        }
    }

    private static void change(Random random, Tags tags, Observation.Context context, Observation.Context reference) {
        switch (random.nextInt(4)) {
            case 0 -> {
                KeyValues whole = WHOLE_SETS.get(random.nextInt(WHOLE_SETS.size()));
                tags.addAll(context, whole);
                tags.addAll(reference, whole);
            }
            case 1 -> {
                String key = random.nextBoolean() ? "outcome" : "status";
                KeyValue one = KeyValue.of(key, "v" + random.nextInt(3));
                tags.add(context, one);
                tags.add(reference, one);
            }
            case 2 -> {
                tags.remove(context, "outcome");
                tags.remove(reference, "outcome");
            }
            default -> {
                tags.removeAll(context, "portal", "region");
                tags.removeAll(reference, "portal", "region");
            }
        }
    }

    /** The same changes to either kind of tags. */
    private enum Tags {

        LOW, HIGH;

        void addAll(Observation.Context context, KeyValues keyValues) {
            if (this == LOW) {
                context.addLowCardinalityKeyValues(keyValues);
            }
            else {
                context.addHighCardinalityKeyValues(keyValues);
            }
        }

        void add(Observation.Context context, KeyValue keyValue) {
            if (this == LOW) {
                context.addLowCardinalityKeyValue(keyValue);
            }
            else {
                context.addHighCardinalityKeyValue(keyValue);
            }
        }

        void remove(Observation.Context context, String key) {
            if (this == LOW) {
                context.removeLowCardinalityKeyValue(key);
            }
            else {
                context.removeHighCardinalityKeyValue(key);
            }
        }

        void removeAll(Observation.Context context, String... keys) {
            if (this == LOW) {
                context.removeLowCardinalityKeyValues(keys);
            }
            else {
                context.removeHighCardinalityKeyValues(keys);
            }
        }
    }
}
