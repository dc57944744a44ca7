package com.ctera.autoconfigure.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import com.ctera.client.CteraException;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraRateLimitedException;
import com.ctera.client.resilience.CteraCircuitOpenException;

/**
 * The health check of one portal, without blocking a thread: a real authenticated round trip
 * ({@code currentSession}) bounded by a timeout; one check at a time, whose result every probe that asks meanwhile
 * shares, then reuses for the cache time so that frequent probes do not load the portal. Both health indicators of
 * this package answer from it.
 */
final class PortalHealthCheck {

    private final CteraPortal portal;

    private final Duration timeout;

    private final Duration cacheTtl;

    private final List<CteraPortalHealthSignal> signals;

    private final boolean resilienceAffectsStatus;

    private final Clock clock;

    private final Object lock = new Object();

    private @Nullable Health cached;

    private @Nullable Instant checkedAt;

    private @Nullable Mono<Health> running;

    PortalHealthCheck(CteraPortal portal, Duration timeout, Duration cacheTtl, List<CteraPortalHealthSignal> signals,
            boolean resilienceAffectsStatus, Clock clock) {
        this.portal = portal;
        this.timeout = timeout;
        this.cacheTtl = cacheTtl;
        this.signals = List.copyOf(signals);
        this.resilienceAffectsStatus = resilienceAffectsStatus;
        this.clock = clock;
    }

    /** The cached result while fresh, else the running check, else a new one; never an error. */
    Mono<Health> health() {
        return Mono.defer(() -> {
            synchronized (this.lock) {
                Instant now = this.clock.instant();
                if (this.cached != null && this.checkedAt != null
                        && now.isBefore(this.checkedAt.plus(this.cacheTtl))) {
                    return Mono.just(this.cached);
                }
                Mono<Health> shared = this.running;
                if (shared == null) {
                    shared = check(now).doOnNext((health) -> remember(health, now))
                        .doOnCancel(this::forgetRunning)
                        .cache();
                    this.running = shared;
                }
                return shared;
            }
        });
    }

    /** The status of the last check, without checking; null before the first one. */
    @Nullable Status lastStatus() {
        synchronized (this.lock) {
            return (this.cached != null) ? this.cached.getStatus() : null;
        }
    }

    private void remember(Health health, Instant checkedAt) {
        synchronized (this.lock) {
            this.cached = health;
            this.checkedAt = checkedAt;
            // Here rather than only on termination: a caller released by this result must not find it still running.
            this.running = null;
        }
    }

    /** After a cancelled check, so that the next probe starts a new one (at worst one check too many). */
    private void forgetRunning() {
        synchronized (this.lock) {
            this.running = null;
        }
    }

    private Mono<Health> check(Instant now) {
        long started = System.nanoTime();
        return this.portal.reactive()
            .checkSession()
            .timeout(this.timeout)
            .map((session) -> base().up().withDetail("version", session.portalVersion()))
            .defaultIfEmpty(base().up().withDetail("version", "unknown"))
            .onErrorResume((error) -> Mono.just(failed(error)))
            .map((builder) -> finish(builder, started, now));
    }

    private Health.Builder base() {
        return Health.unknown()
            .withDetail("url", withoutUserInfo(this.portal.baseUrl()))
            .withDetail("context", this.portal.context().configValue());
    }

    private Health.Builder failed(Throwable error) {
        if (error instanceof CteraCircuitOpenException) {
            // The client's own guard refused the check: that says nothing about the portal. Whether an open breaker
            // makes the entry DOWN is decided by the guard signals, where the user opted in.
            return base().up().withDetail("check", "not sent: the circuit breaker is open");
        }
        if (error instanceof CteraRateLimitedException) {
            // Refused by the client-side rate limiter, not by the portal.
            return base().up().withDetail("check", "not sent: the client-side rate limit is exhausted");
        }
        if (error instanceof CteraException) {
            return base().down().withDetail("error", error.getClass().getSimpleName() + ": " + error.getMessage());
        }
        if (error instanceof TimeoutException || error instanceof IllegalStateException) {
            // The check's own timeout, or a closed client
            return base().down().withDetail("error", "no answer within " + this.timeout);
        }
        return base().down().withDetail("error", error.getClass().getSimpleName());
    }

    private Health finish(Health.Builder builder, long started, Instant now) {
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
