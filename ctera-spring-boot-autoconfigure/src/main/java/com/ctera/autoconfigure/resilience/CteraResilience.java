package com.ctera.autoconfigure.resilience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.ctera.autoconfigure.client.CteraPortalDefinitions;
import com.ctera.client.resilience.PortalResilience;
import com.ctera.client.resilience.RateLimitManager;

/**
 * The resilience stages of every portal, built once per portal from its resolved settings, and their live state for
 * Actuator ({@link #describe(String)}).
 */
public final class CteraResilience {

    private final CteraPortalDefinitions definitions;

    private final PortalResilienceFactory factory;

    private final RateLimitManager rateLimitManager;

    private final List<PortalResilienceListener> listeners;

    private final ConcurrentHashMap<String, PortalResilience> portals = new ConcurrentHashMap<>();

    CteraResilience(CteraPortalDefinitions definitions, PortalResilienceFactory factory,
            RateLimitManager rateLimitManager, List<PortalResilienceListener> listeners) {
        this.definitions = definitions;
        this.factory = factory;
        this.rateLimitManager = rateLimitManager;
        this.listeners = List.copyOf(listeners);
    }

    /** The stages of the portal, built on first use; its limiters join the {@link RateLimitManager}. */
    public PortalResilience forPortal(String name) {
        return this.portals.computeIfAbsent(name, this::build);
    }

    /** The stages of the portal, if built. */
    public Optional<PortalResilience> find(String name) {
        return Optional.ofNullable(this.portals.get(name));
    }

    /** Every portal's stages built so far, by portal name. */
    public Map<String, PortalResilience> portals() {
        return Map.copyOf(this.portals);
    }

    /** The live state of one portal's stages, for {@code /actuator/ctera}; empty when it has none. */
    public Map<String, Object> describe(String name) {
        return find(name).map(PortalResilience::describe).orElseGet(LinkedHashMap::new);
    }

    private PortalResilience build(String name) {
        PortalResilience resilience = this.factory.create(name, this.definitions.resilience(name));
        if (resilience.rateLimit() != null) {
            resilience.rateLimit().limiters().values().forEach(this.rateLimitManager::register);
        }
        this.listeners.forEach(listener -> listener.created(resilience));
        return resilience;
    }
}
