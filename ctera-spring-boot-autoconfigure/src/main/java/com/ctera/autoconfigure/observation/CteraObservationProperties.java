package com.ctera.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code ctera.observation.*} properties: whether portal calls are observed. */
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

    public boolean isKeptMeters() {
        return this.keptMeters;
    }

    public void setKeptMeters(boolean keptMeters) {
        this.keptMeters = keptMeters;
    }
}
