package com.ctera.client.observation;


import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

import static com.ctera.client.observation.KeptKeyValues.HIGH;
import static com.ctera.client.observation.KeptKeyValues.LOW;

/**
 * The observation context of one HTTP exchange the client sends itself, below any {@code WebClient}: Spring's context
 * for a {@code WebClient} exchange, so that Spring's conventions, Boot's and a tracer read it as one, marked as the
 * client's so that {@link CteraMeterObservationHandler} keeps its meters as it keeps the calls'. Like
 * {@link CteraRequestContext}, it keeps the convention's tag sets as handed over ({@link KeptKeyValues}): Spring's
 * convention sets six tags at the start and six at the stop, and writing them to Micrometer's concurrent maps, then
 * reading them back as a sorted copy, was the largest part of what observing an exchange cost (docs/benchmarks.md).
 * The overrides repeat CteraRequestContext's because the two contexts have different parents.
 */
public final class PortalExchangeContext extends ClientRequestObservationContext {

    // The kept-meter handler's state, in fields rather than the context's map, as in CteraRequestContext.
    private long startedAt;

    private @Nullable Object activeSample;

    private final KeptKeyValues kept = new KeptKeyValues();

    /** A context whose request headers go through {@code request}, where a tracer puts its own. */
    public PortalExchangeContext(ClientRequest.Builder request) {
        super(request);
    }

    void startedAt(long monotonicNanos) {
        this.startedAt = monotonicNanos;
    }

    long startedAt() {
        return this.startedAt;
    }

    void activeSample(@Nullable Object sample) {
        this.activeSample = sample;
    }

    @Nullable Object activeSample() {
        return this.activeSample;
    }

    @Override
    public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
        return this.kept.keep(LOW, keyValues) ? this
                : this.kept.change(this, LOW, () -> super.addLowCardinalityKeyValues(keyValues));
    }

    @Override
    public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
        return this.kept.change(this, LOW, () -> super.addLowCardinalityKeyValue(keyValue));
    }

    @Override
    public Observation.Context removeLowCardinalityKeyValue(String keyName) {
        return this.kept.change(this, LOW, () -> super.removeLowCardinalityKeyValue(keyName));
    }

    @Override
    public Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
        return this.kept.change(this, LOW, () -> super.removeLowCardinalityKeyValues(keyNames));
    }

    @Override
    public KeyValues getLowCardinalityKeyValues() {
        KeyValues known = this.kept.known(LOW);
        return (known != null) ? known : this.kept.remember(LOW, super.getLowCardinalityKeyValues());
    }

    @Override
    public @Nullable KeyValue getLowCardinalityKeyValue(String key) {
        KeyValues known = this.kept.known(LOW);
        return (known != null) ? KeptKeyValues.find(known, key) : super.getLowCardinalityKeyValue(key);
    }

    @Override
    public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
        return this.kept.keep(HIGH, keyValues) ? this
                : this.kept.change(this, HIGH, () -> super.addHighCardinalityKeyValues(keyValues));
    }

    @Override
    public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
        return this.kept.change(this, HIGH, () -> super.addHighCardinalityKeyValue(keyValue));
    }

    @Override
    public Observation.Context removeHighCardinalityKeyValue(String keyName) {
        return this.kept.change(this, HIGH, () -> super.removeHighCardinalityKeyValue(keyName));
    }

    @Override
    public Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
        return this.kept.change(this, HIGH, () -> super.removeHighCardinalityKeyValues(keyNames));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues() {
        KeyValues known = this.kept.known(HIGH);
        return (known != null) ? known : this.kept.remember(HIGH, super.getHighCardinalityKeyValues());
    }

    @Override
    public @Nullable KeyValue getHighCardinalityKeyValue(String key) {
        KeyValues known = this.kept.known(HIGH);
        return (known != null) ? KeptKeyValues.find(known, key) : super.getHighCardinalityKeyValue(key);
    }
}
