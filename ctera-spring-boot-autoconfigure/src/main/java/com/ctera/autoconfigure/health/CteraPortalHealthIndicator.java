package com.ctera.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import com.ctera.client.CteraException;
import com.ctera.client.CteraPortal;
import com.ctera.client.session.SessionInfo;

/**
 * Health of one portal: an authenticated call with a timeout. Details name the URL, the context and the portal's
 * version, never a credential.
 */
public final class CteraPortalHealthIndicator extends AbstractHealthIndicator {

    private final CteraPortal portal;

    private final Duration timeout;

    public CteraPortalHealthIndicator(CteraPortal portal, Duration timeout) {
        super("CTERA portal health check failed");
        this.portal = portal;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("url", this.portal.baseUrl().toString())
            .withDetail("context", this.portal.context().path());
        long started = System.nanoTime();
        try {
            SessionInfo session = this.portal.reactive().session().block(this.timeout);
            builder.up().withDetail("version", (session != null) ? session.portalVersion() : "unknown");
        }
        catch (CteraException ex) {
            builder.down().withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        catch (IllegalStateException ex) {
            // Mono.block's timeout
            builder.down().withDetail("error", "no answer within " + this.timeout);
        }
        builder.withDetail("latency", Duration.ofNanos(System.nanoTime() - started).toMillis() + "ms");
    }
}
