package com.ctera.simulator;

import org.jspecify.annotations.Nullable;

/** The two URL contexts of a portal: global administration and the tenant's services portal. */
enum PortalContext {
    ADMIN("admin"), SERVICES_PORTAL("ServicesPortal");

    private final String path;

    PortalContext(String path) {
        this.path = path;
    }

    /** The first path segment, e.g. {@code admin}. */
    String path() {
        return this.path;
    }

    static @Nullable PortalContext fromSegment(String segment) {
        for (PortalContext context : values()) {
            if (context.path.equals(segment)) {
                return context;
            }
        }
        return null;
    }
}
