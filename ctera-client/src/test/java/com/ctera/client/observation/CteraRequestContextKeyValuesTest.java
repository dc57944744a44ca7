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

/** The context's remembered low-cardinality keys always equal what Micrometer's own context reads back. */
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
        for (int run = 0; run < 50; run++) {
            CteraRequestContext context = new CteraRequestContext(new CallContext("main", CteraOperation.USERS_GET));
            Observation.Context reference = new Observation.Context();
            for (int step = 0; step < 40; step++) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        KeyValues whole = WHOLE_SETS.get(random.nextInt(WHOLE_SETS.size()));
                        context.addLowCardinalityKeyValues(whole);
                        reference.addLowCardinalityKeyValues(whole);
                    }
                    case 1 -> {
                        String key = random.nextBoolean() ? "outcome" : "status";
                        KeyValue one = KeyValue.of(key, "v" + random.nextInt(3));
                        context.addLowCardinalityKeyValue(one);
                        reference.addLowCardinalityKeyValue(one);
                    }
                    case 2 -> {
                        context.removeLowCardinalityKeyValue("outcome");
                        reference.removeLowCardinalityKeyValue("outcome");
                    }
                    default -> {
                        context.removeLowCardinalityKeyValues("portal", "region");
                        reference.removeLowCardinalityKeyValues("portal", "region");
                    }
                }
                assertThat(context.getLowCardinalityKeyValues()).as("run %d step %d", run, step)
                    .isEqualTo(reference.getLowCardinalityKeyValues());
            }
        }
    }
}
