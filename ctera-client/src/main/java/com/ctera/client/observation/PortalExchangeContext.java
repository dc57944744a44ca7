package com.ctera.client.observation;

import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/**
 * The observation context of one HTTP exchange the client sends itself, below any {@code WebClient}: Spring's context
 * for a {@code WebClient} exchange, so that Spring's conventions, Boot's and a tracer read it as one, marked as the
 * client's so that {@link CteraMeterObservationHandler} keeps its meters as it keeps the calls'.
 */
public final class PortalExchangeContext extends ClientRequestObservationContext {

    // The kept-meter handler's state, in fields rather than the context's map, as in CteraRequestContext.
    private long startedAt;

    private @Nullable Object activeSample;

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
}
