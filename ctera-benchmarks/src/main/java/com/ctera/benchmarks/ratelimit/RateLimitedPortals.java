package com.ctera.benchmarks.ratelimit;

import java.time.Duration;

import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.resilience.CallRateLimiter;
import com.ctera.client.resilience.RateLimitInterceptor;
import com.ctera.client.resilience.RateLimitStrategy;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/** A client of the simulator whose calls all go through one limiter, and the call the runners repeat. */
final class RateLimitedPortals {

    private RateLimitedPortals() {
    }

    static CteraPortal portal(CteraPortalSimulator simulator, String name, RateLimitStrategy strategy,
            Duration maxWait) {
        SimulatorCredentials admin = simulator.adminCredentials();
        CteraPortal portal = CteraPortal.builder()
            .name(name)
            .baseUrl(simulator.baseUrl())
            .context(PortalContext.ADMIN)
            .tenant(simulator.defaultTenant())
            .credentials(admin.username(), admin.password())
            .interceptor(RateLimitInterceptor.of(new CallRateLimiter(name, strategy, maxWait)))
            .build();
        portal.session();
        return portal;
    }

    /** One light call: look up a user by name. */
    static reactor.core.publisher.Mono<?> lookUp(CteraPortal portal, String user) {
        return portal.reactive().users().find(user);
    }
}
