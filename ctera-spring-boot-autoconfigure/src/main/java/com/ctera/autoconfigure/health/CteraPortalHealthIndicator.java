package com.ctera.autoconfigure.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import com.ctera.client.CteraException;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraRateLimitedException;
import com.ctera.client.resilience.CteraCircuitOpenException;
import com.ctera.client.session.SessionInfo;

/**
 * Health of one portal: a real authenticated round trip ({@code currentSession}) bounded by a timeout, its result
 * reused for a while so frequent probes do not load the portal. Details name the URL, the context, the portal's
 * version, the latency and the state of the client-side guards; never a credential.
 */
public final class CteraPortalHealthIndicator implements HealthIndicator {

    private final CteraPortal portal;

    private final Duration timeout;

    private final Duration cacheTtl;

    private final List<CteraPortalHealthSignal> signals;

    private final boolean resilienceAffectsStatus;

    private final Clock clock;

    private final Object lock = new Object();

    private @Nullable Health cached;

    private @Nullable Instant checkedAt;

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
        this.portal = portal;
        this.timeout = timeout;
        this.cacheTtl = cacheTtl;
        this.signals = List.copyOf(signals);
        this.resilienceAffectsStatus = resilienceAffectsStatus;
        this.clock = clock;
    }

    @Override
    public Health health() {
        // One check at a time: concurrent probes wait for it and share its result instead of piling onto the portal.
        synchronized (this.lock) {
            Instant now = this.clock.instant();
            if (this.cached != null && this.checkedAt != null && now.isBefore(this.checkedAt.plus(this.cacheTtl))) {
                return this.cached;
            }
            Health health = check(now);
            this.cached = health;
            this.checkedAt = now;
            return health;
        }
    }

    /** The status of the last check, without checking; null before the first one. */
    public @Nullable Status lastStatus() {
        synchronized (this.lock) {
            return (this.cached != null) ? this.cached.getStatus() : null;
        }
    }

    private Health check(Instant now) {
        Health.Builder builder = Health.unknown()
            .withDetail("url", withoutUserInfo(this.portal.baseUrl()))
            .withDetail("context", this.portal.context().configValue());
        long started = System.nanoTime();
        try {
            SessionInfo session = this.portal.reactive().checkSession().block(this.timeout);
            builder.up().withDetail("version", (session != null) ? session.portalVersion() : "unknown");
        }
        catch (CteraCircuitOpenException ex) {
            // The client's own guard refused the check: that says nothing about the portal. Whether an open breaker
            // makes the entry DOWN is decided by the guard signals below, where the user opted in.
            builder.up().withDetail("check", "not sent: the circuit breaker is open");
        }
        catch (CteraRateLimitedException ex) {
            // Refused by the client-side rate limiter, not by the portal.
            builder.up().withDetail("check", "not sent: the client-side rate limit is exhausted");
        }
        catch (CteraException ex) {
            builder.down().withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        catch (IllegalStateException ex) {
            // Mono.block's timeout, or a closed client
            builder.down().withDetail("error", "no answer within " + this.timeout);
        }
        builder.withDetail("latency", Duration.ofNanos(System.nanoTime() - started).toMillis() + "ms")
            .withDetail("checkedAt", now.toString());
        for (CteraPortalHealthSignal signal : this.signals) {
            CteraPortalHealthSignal.State state = signal.state(this.portal.name());
            if (state != null) {
                builder.withDetail(signal.name(), state.details());
                if (state.blocking() && (this.resilienceAffectsStatus || state.affectsStatus())) {
                    builder.down();
                }
            }
        }
        return builder.build();
    }

    private static String withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        }
        catch (URISyntaxException ex) {
            return url.getScheme() + "://" + url.getHost();
        }
    }
}
