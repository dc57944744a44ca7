package com.ctera.autoconfigure.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The effective settings of every portal the starter creates a bean for, resolved once at start-up: by portal name
 * within this package, and for the resilience auto-configuration each portal's resilience and the rate limits that
 * application code takes through the {@code RateLimitManager} ({@code ctera.rate-limit.*}).
 */
public final class CteraPortalDefinitions {

    private final Map<String, PortalSettings> settings;

    private final ResilienceSettings defaultResilience;

    private final Map<String, LimitSettings> namedLimits;

    private final @Nullable LimitSettings unnamedLimit;

    CteraPortalDefinitions(Map<String, PortalSettings> settings, ResilienceSettings defaultResilience,
            Map<String, LimitSettings> namedLimits, @Nullable LimitSettings unnamedLimit) {
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.defaultResilience = defaultResilience;
        this.namedLimits = Collections.unmodifiableMap(new LinkedHashMap<>(namedLimits));
        this.unnamedLimit = unnamedLimit;
    }

    /** Settings by portal name, in configuration order. */
    Map<String, PortalSettings> all() {
        return this.settings;
    }

    /** Settings of one portal. */
    Optional<PortalSettings> find(String name) {
        return Optional.ofNullable(this.settings.get(name));
    }

    /** The resilience of a portal, or what {@code ctera.defaults} gives a portal that sets nothing of its own. */
    public ResilienceSettings resilience(String portalName) {
        return find(portalName).map(PortalSettings::resilience).orElse(this.defaultResilience);
    }

    /** The resilience {@code ctera.defaults} gives, for application code's own retries. */
    public ResilienceSettings defaultResilience() {
        return this.defaultResilience;
    }

    /** Limits of {@code ctera.rate-limit.limits.<key>}, by key. */
    public Map<String, LimitSettings> namedLimits() {
        return this.namedLimits;
    }

    /** The limit of any other key: {@code ctera.rate-limit.max-requests} per window, when set. */
    public Optional<LimitSettings> unnamedLimit() {
        return Optional.ofNullable(this.unnamedLimit);
    }
}
