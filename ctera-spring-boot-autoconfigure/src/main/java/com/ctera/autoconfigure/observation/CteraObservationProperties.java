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

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
