package com.ctera.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code ctera.health.*} properties: how the portal health check behaves. */
@ConfigurationProperties("ctera.health")
public class CteraHealthProperties {

    /** Longest time a health check waits for a portal before reporting it DOWN. */
    private Duration timeout = Duration.ofSeconds(5);

    public Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
