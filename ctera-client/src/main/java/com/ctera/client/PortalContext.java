package com.ctera.client;

import java.util.Locale;

/** The portal API a client talks to: global administration or a tenant's services portal. */
public enum PortalContext {

    /** Global administration, {@code /admin}. */
    ADMIN("admin", "admin"),

    /** A tenant (team portal), {@code /ServicesPortal}. */
    SERVICES_PORTAL("ServicesPortal", "services-portal");

    private final String path;

    private final String configValue;

    PortalContext(String path, String configValue) {
        this.path = path;
        this.configValue = configValue;
    }

    /** The value that selects this context in configuration, such as {@code services-portal}; what reports show. */
    public String configValue() {
        return this.configValue;
    }

    /** The first path segment of every URL of this context, such as {@code admin}. */
    public String path() {
        return this.path;
    }

    /**
     * Reads a context from configuration: {@code admin}, {@code services-portal} or {@code ServicesPortal}, in any
     * letter case.
     * @throws IllegalArgumentException for any other value; the message lists the allowed ones
     */
    public static PortalContext parse(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "admin" -> ADMIN;
            case "services-portal", "servicesportal" -> SERVICES_PORTAL;
            default -> throw new IllegalArgumentException("Unknown portal context '" + value
                    + "'; allowed values are admin, services-portal, ServicesPortal");
        };
    }
}
