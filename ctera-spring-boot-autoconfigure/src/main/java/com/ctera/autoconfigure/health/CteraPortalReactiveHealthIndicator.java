package com.ctera.autoconfigure.health;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of one portal for a reactive web application's Actuator: the same check as {@link CteraPortalHealthIndicator}
 * without holding a thread while the portal answers.
 */
final class CteraPortalReactiveHealthIndicator implements ReactiveHealthIndicator {

    private final PortalHealthCheck check;

    CteraPortalReactiveHealthIndicator(PortalHealthCheck check) {
        this.check = check;
    }

    @Override
    public Mono<Health> health() {
        return this.check.health();
    }

    /** The status of the last check, without checking; null before the first one. */
    @Nullable Status lastStatus() {
        return this.check.lastStatus();
    }
}
