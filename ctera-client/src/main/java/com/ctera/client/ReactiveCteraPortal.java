package com.ctera.client;

import reactor.core.publisher.Mono;

import com.ctera.client.devices.ReactiveDevices;
import com.ctera.client.session.PortalCalls;
import com.ctera.client.session.SessionInfo;
import com.ctera.client.users.ReactiveUsers;

/** The reactive form of a {@link CteraPortal}: every call returns a {@code Mono} or {@code Flux}. */
public final class ReactiveCteraPortal {

    private final CteraPortal portal;

    private final PortalCalls calls;

    private final ReactiveUsers users;

    private final ReactiveDevices devices;

    ReactiveCteraPortal(CteraPortal portal, PortalCalls calls, ReactiveUsers users, ReactiveDevices devices) {
        this.portal = portal;
        this.calls = calls;
        this.users = users;
        this.devices = devices;
    }

    /** Users of the current tenant. */
    public ReactiveUsers users() {
        return this.users;
    }

    /** Devices: gateways and agents. */
    public ReactiveDevices devices() {
        return this.devices;
    }

    /** Who the client is logged in as; logs in first if needed. */
    public Mono<SessionInfo> session() {
        return this.calls.sessionInfo();
    }

    /**
     * Makes one cheap authenticated round trip ({@code GET currentSession}) through the call pipeline, logging in
     * first when needed, then tells who the session is: a real check that the portal answers, for health checks.
     */
    public Mono<SessionInfo> checkSession() {
        return this.calls.get(CteraOperation.CURRENT_SESSION, this.calls.api("currentSession"))
            .then(this.calls.sessionInfo());
    }

    /** The blocking form of this portal. */
    public CteraPortal blocking() {
        return this.portal;
    }

    @Override
    public String toString() {
        return "Reactive" + this.portal;
    }
}
