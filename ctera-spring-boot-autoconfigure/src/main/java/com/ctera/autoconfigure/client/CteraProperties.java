package com.ctera.autoconfigure.client;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code ctera.*} properties: shared defaults, named portals, and a single-portal shorthand.
 *
 * <p>
 * The class validates itself: Boot calls {@link #validate} after binding, so a bad value stops start-up with a message
 * that names the property and what is allowed.
 */
@Validated
@ConfigurationProperties("ctera")
public class CteraProperties implements Validator {

    /** Name of the portal shorthand {@code ctera.portal.*}. */
    public static final String SHORTHAND_PORTAL_NAME = "default";

    /** Whether the starter creates portal beans at all. */
    private boolean enabled = true;

    /** Name of the portal bean to mark as primary when several portals are configured. */
    private @Nullable String primary;

    /** Settings every portal inherits unless it sets the same key itself. */
    @NestedConfigurationProperty
    private PortalProperties defaults = new PortalProperties();

    /**
     * Portals by name. The name is the bean's qualifier, and its bean name with CteraPortal appended; use lower-case names
     * without dashes so that environment variables such as CTERA_PORTALS_MAIN_URL bind to them.
     */
    private Map<String, PortalProperties> portals = new LinkedHashMap<>();

    /**
     * A single portal, named default, for applications that talk to one portal
     * (CTERA_PORTAL_HOST, CTERA_PORTAL_PORT). Combines with ctera.portals.*.
     */
    @NestedConfigurationProperty
    private PortalProperties portal = new PortalProperties();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getPrimary() {
        return this.primary;
    }

    public void setPrimary(@Nullable String primary) {
        this.primary = primary;
    }

    public PortalProperties getDefaults() {
        return this.defaults;
    }

    public void setDefaults(PortalProperties defaults) {
        this.defaults = defaults;
    }

    public Map<String, PortalProperties> getPortals() {
        return this.portals;
    }

    public void setPortals(Map<String, PortalProperties> portals) {
        this.portals = portals;
    }

    public PortalProperties getPortal() {
        return this.portal;
    }

    public void setPortal(PortalProperties portal) {
        this.portal = portal;
    }

    /** The configured portals by name: {@code ctera.portals.*} plus the shorthand when it names a host or URL. */
    public Map<String, PortalProperties> configuredPortals() {
        Map<String, PortalProperties> all = new LinkedHashMap<>(this.portals);
        if (this.portal.isSpecified()) {
            all.putIfAbsent(SHORTHAND_PORTAL_NAME, this.portal);
        }
        return all;
    }

    @Override
    public boolean supports(Class<?> type) {
        return CteraProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        PortalSettingsResolver.validate((CteraProperties) target, (message) -> errors.reject("ctera.invalid", message));
    }

    @Override
    public String toString() {
        return "CteraProperties{enabled=" + this.enabled + ", primary=" + this.primary + ", defaults=" + this.defaults
                + ", portals=" + this.portals + ", portal=" + this.portal + "}";
    }
}
