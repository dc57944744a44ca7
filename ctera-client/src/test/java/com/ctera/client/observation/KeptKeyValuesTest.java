package com.ctera.client.observation;

import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;

import com.ctera.client.CteraOperation;
import com.ctera.client.pipeline.CallContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept tags of the client's two observation contexts (a call's and an exchange's), of either cardinality, always
 * read back as Micrometer's own context reads them.
 */
class KeptKeyValuesTest {

    private static final List<KeyValues> WHOLE_SETS = List.of(
            KeyValues.of("portal", "main", "operation", "users.get", "outcome", "UNKNOWN"),
            KeyValues.of("portal", "main", "operation", "users.get", "outcome", "SUCCESS"),
            KeyValues.of("portal", "main", "operation", "users.get"),
            KeyValues.of("portal", "main", "operation", "users.get", "outcome", "SUCCESS", "region", "eu"),
            KeyValues.of("application", "sample"),
            KeyValues.empty());

    static Stream<Arguments> contexts() {
        Supplier<Observation.Context> call = () -> new CteraRequestContext(
                new CallContext("main", CteraOperation.USERS_GET));
        Supplier<Observation.Context> exchange = () -> new PortalExchangeContext(
                ClientRequest.create(HttpMethod.POST, URI.create("https://portal.example.com/ServicesPortal/api")));
        return Stream.of(Arguments.of("call", call), Arguments.of("exchange", exchange));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void theConventionsTagsAtStartAndStopAreReadBackWithoutACopy(String kind, Supplier<Observation.Context> contexts) {
        Observation.Context context = contexts.get();
        context.addLowCardinalityKeyValues(WHOLE_SETS.get(0));
        assertThat(context.getLowCardinalityKeyValues()).isSameAs(WHOLE_SETS.get(0));
        context.addLowCardinalityKeyValues(WHOLE_SETS.get(1));
        assertThat(context.getLowCardinalityKeyValues()).isSameAs(WHOLE_SETS.get(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void anyOtherChangeIsReadBackAsMicrometerReadsIt(String kind, Supplier<Observation.Context> contexts) {
        Random random = new Random(20261126);
        for (int run = 0; run < 100; run++) {
            Observation.Context context = contexts.get();
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
