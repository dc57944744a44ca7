package com.ctera.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import com.ctera.client.CteraPortal;

/**
 * Health of one portal for a blocking caller (a servlet application's Actuator, JMX): a real authenticated round trip
 * ({@code currentSession}) bounded by a timeout, its result reused for a while so frequent probes do not load the
 * portal, and shared by probes that arrive while it runs. Details name the URL, the context, the portal's version,
 * the latency and the state of the client-side guards; never a credential. A reactive web application gets the
 * same check without blocking.
 */
public final class CteraPortalHealthIndicator implements HealthIndicator {

    private final PortalHealthCheck check;

    /** A check with no result cache and no guards, for direct use. */
    public CteraPortalHealthIndicator(CteraPortal portal, Duration timeout) {
        this(portal, timeout, Duration.ZERO, List.of(), false, Clock.systemUTC());
    }

    /**
     * @param timeout longest wait for the portal
     * @param cacheTtl how long a result is reused; zero for none
     * @param signals the guards whose state is shown
     * @param resilienceAffectsStatus whether a blocking guard makes the entry DOWN
     * @param clock the time source of the cache
     */
    public CteraPortalHealthIndicator(CteraPortal portal, Duration timeout, Duration cacheTtl,
            List<CteraPortalHealthSignal> signals, boolean resilienceAffectsStatus, Clock clock) {
        this(new PortalHealthCheck(portal, timeout, cacheTtl, signals, resilienceAffectsStatus, clock));
    }

    CteraPortalHealthIndicator(PortalHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        // Bounded: the check ends at its own timeout and never fails.
        return Objects.requireNonNull(this.check.health().block());
    }

    /** The status of the last check, without checking; null before the first one. */
    public @Nullable Status lastStatus() {
        return this.check.lastStatus();
    }
}
