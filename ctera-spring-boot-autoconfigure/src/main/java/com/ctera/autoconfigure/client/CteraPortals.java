package com.ctera.autoconfigure.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.ctera.client.CteraPortal;

/** Every {@link CteraPortal} bean of the application, looked up by portal name. */
public final class CteraPortals {

    private final Map<String, CteraPortal> byName;

    public CteraPortals(Iterable<CteraPortal> portals) {
        Map<String, CteraPortal> map = new LinkedHashMap<>();
        portals.forEach((portal) -> map.putIfAbsent(portal.name(), portal));
        this.byName = Collections.unmodifiableMap(map);
    }

    /**
     * The portal with this name.
     * @throws IllegalArgumentException if there is none; the message lists the names there are
     */
    public CteraPortal get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "No CTERA portal named '" + name + "'; available: " + this.byName.keySet()));
    }

    /** The portal with this name, if there is one. */
    public Optional<CteraPortal> find(String name) {
        return Optional.ofNullable(this.byName.get(name));
    }

    /** Names of all portals, in configuration order. */
    public Set<String> names() {
        return this.byName.keySet();
    }

    /** All portals by name. */
    public Map<String, CteraPortal> asMap() {
        return this.byName;
    }
}
