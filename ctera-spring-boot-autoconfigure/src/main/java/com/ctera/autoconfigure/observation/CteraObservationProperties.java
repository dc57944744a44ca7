package com.ctera.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code ctera.observation.*} properties: whether portal calls, and their HTTP exchanges, are observed. */
@ConfigurationProperties("ctera.observation")
public class CteraObservationProperties {

    /**
     * Whether every portal call is observed: a ctera.client.requests timer and span, with meters for retries,
     * rate-limiter waits, bytes and logins. Needs an ObservationRegistry bean (Spring Boot Actuator).
     */
    private boolean enabled = true;

    /**
     * Whether the ctera.client.requests timer publishes histogram buckets (ctera_client_requests_seconds_bucket in
     * Prometheus) for latency percentiles. Only that timer: unlike Boot's percentiles-histogram property, which also
     * applies to every meter whose name starts with it. Costs one series per bucket and tag combination.
     */
    private boolean latencyHistogram;

    /**
     * Whether portal calls get their timers from the starter's CteraMeterObservationHandler, ahead of Boot's generic
     * meter handler: the same meters, each found once per tag set instead of on every call. Off, Boot's handler
     * records them as it records every other observation.
     */
    private boolean keptMeters = true;

    /**
     * When each HTTP exchange of a call (every attempt, and the login) is observed as http.client.requests, a child
     * of the call's observation: with-tracing (when the application has a Micrometer Tracing tracer, so that each
     * attempt is a span under the call's), always, or never. The call's own observation does not depend on it.
     */
    private ExchangeObservation exchanges = ExchangeObservation.WITH_TRACING;

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isLatencyHistogram() {
        return this.latencyHistogram;
    }

    public void setLatencyHistogram(boolean latencyHistogram) {
        this.latencyHistogram = latencyHistogram;
    }

    public ExchangeObservation getExchanges() {
        return this.exchanges;
    }

    public void setExchanges(ExchangeObservation exchanges) {
        this.exchanges = exchanges;
    }

    public boolean isKeptMeters() {
        return this.keptMeters;
    }

    public void setKeptMeters(boolean keptMeters) {
        this.keptMeters = keptMeters;
    }

    /** When the client observes each HTTP exchange of a call. */
    public enum ExchangeObservation {

        /** When the application has a Micrometer Tracing tracer other than Boot's no-op one. */
        WITH_TRACING,

        /** Always: an http.client.requests timer per attempt even without a tracer. */
        ALWAYS,

        /** Never: a call is one observation, its attempts are not seen apart. */
        NEVER
    }
}
