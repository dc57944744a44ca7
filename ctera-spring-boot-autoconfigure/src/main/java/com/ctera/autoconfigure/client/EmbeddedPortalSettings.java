package com.ctera.autoconfigure.client;

/** Source of the portal named {@code embedded}: the embedded simulator, when one runs. */
@FunctionalInterface
public interface EmbeddedPortalSettings {

    /** Name of the portal the starter configures against its embedded simulator. */
    String PORTAL_NAME = "embedded";

    /** Where the embedded portal is and how to log in; other keys come from {@code ctera.defaults}. */
    PortalProperties portalProperties();
}
