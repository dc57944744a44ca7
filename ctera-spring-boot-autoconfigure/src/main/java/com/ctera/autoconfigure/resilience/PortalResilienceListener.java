package com.ctera.autoconfigure.resilience;

import com.ctera.client.resilience.PortalResilience;

/** Told about the resilience stages of each portal once they are built, e.g. to bind their metrics. */
@FunctionalInterface
public interface PortalResilienceListener {

    /** The stages of the portal were built. */
    void created(PortalResilience resilience);
}
