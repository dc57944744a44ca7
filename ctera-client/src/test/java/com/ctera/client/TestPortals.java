package com.ctera.client;

import java.time.Duration;

import com.ctera.client.pipeline.CallInterceptor;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/** Portal clients wired to a running simulator, one per kind of login the tests need. */
final class TestPortals {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private TestPortals() {
    }

    /** Global administration, browsing {@code tenant} after login (or none when null). */
    static CteraPortal admin(CteraPortalSimulator simulator, String tenant) {
        SimulatorCredentials admin = simulator.adminCredentials();
        return CteraPortal.builder().name("sim-admin").baseUrl(simulator.baseUrl()).context(PortalContext.ADMIN)
                .tenant(tenant).credentials(admin.username(), admin.password()).readTimeout(READ_TIMEOUT).build();
    }

    /** The default tenant's services portal, as its tenant administrator. */
    static CteraPortal tenantAdmin(CteraPortalSimulator simulator) {
        SimulatorCredentials tenantAdmin = simulator.tenantAdminCredentials();
        return CteraPortal.builder().name("sim-tenant").baseUrl(simulator.baseUrl())
                .context(PortalContext.SERVICES_PORTAL).credentials(tenantAdmin.username(), tenantAdmin.password())
                .readTimeout(READ_TIMEOUT).build();
    }

    /** The default tenant's services portal, as its end user (who owns a cloud drive), polling tasks quickly. */
    static CteraPortal endUser(CteraPortalSimulator simulator, CallInterceptor... interceptors) {
        SimulatorCredentials user = simulator.endUserCredentials();
        CteraPortalBuilder builder = CteraPortal.builder().name("sim-user").baseUrl(simulator.baseUrl())
                .context(PortalContext.SERVICES_PORTAL).credentials(user.username(), user.password())
                .readTimeout(READ_TIMEOUT).taskPollInterval(Duration.ofMillis(20));
        for (CallInterceptor interceptor : interceptors) {
            builder.interceptor(interceptor);
        }
        return builder.build();
    }
}
