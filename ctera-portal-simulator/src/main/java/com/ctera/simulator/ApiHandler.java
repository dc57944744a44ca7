package com.ctera.simulator;

/** Carries out one operation; runs on a network thread, so it must never block. */
@FunctionalInterface
interface ApiHandler {

    PortalAnswer handle(ApiCall call);
}
