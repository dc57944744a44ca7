package com.ctera.autoconfigure.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The effective settings of every portal the starter creates a bean for, by portal name. */
public final class CteraPortalDefinitions {

    private final Map<String, PortalSettings> settings;

    public CteraPortalDefinitions(Map<String, PortalSettings> settings) {
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Settings by portal name, in configuration order. */
    public Map<String, PortalSettings> all() {
        return this.settings;
    }

    /** Settings of one portal. */
    public Optional<PortalSettings> find(String name) {
        return Optional.ofNullable(this.settings.get(name));
    }
}
