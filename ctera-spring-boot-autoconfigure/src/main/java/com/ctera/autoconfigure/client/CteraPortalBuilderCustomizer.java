package com.ctera.autoconfigure.client;

import com.ctera.client.CteraPortalBuilder;

/**
 * Adjusts the builder of a portal bean after the properties were applied. Beans of this type run in
 * {@link org.springframework.core.annotation.Order} order for every portal.
 */
@FunctionalInterface
public interface CteraPortalBuilderCustomizer {

    /**
     * @param portalName the portal's name, as in {@code ctera.portals.<name>}
     * @param builder the builder, with the properties already applied
     */
    void customize(String portalName, CteraPortalBuilder builder);
}
