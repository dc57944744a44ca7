package com.ctera.benchmarks.bulk;

import java.time.Duration;

import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.resilience.RetryInterceptor;
import com.ctera.client.resilience.RetryPolicy;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

/**
 * An in-process simulator that holds every answer for a fixed latency (its delay fault, on a timer: no thread waits),
 * and the two clients the bulk benchmarks use: the administrator for users and the end user for files, each with the
 * default retry stage so every call runs through a pipeline as in an application.
 */
final class SlowPortal implements AutoCloseable {

    private final CteraPortalSimulator simulator;

    private final CteraPortal admin;

    private final CteraPortal endUser;

    SlowPortal(Duration latency) {
        this.simulator = CteraPortalSimulator.start();
        if (!latency.isZero()) {
            this.simulator.faults().inject(FaultRule.forPath("/").delay(latency).times(Integer.MAX_VALUE));
        }
        SimulatorCredentials admin = this.simulator.adminCredentials();
        this.admin = CteraPortal.builder().name("bench-admin").baseUrl(this.simulator.baseUrl())
            .context(PortalContext.ADMIN).tenant(this.simulator.defaultTenant())
            .credentials(admin.username(), admin.password()).readTimeout(Duration.ofSeconds(60))
            .interceptor(new RetryInterceptor(RetryPolicy.DEFAULT)).build();
        SimulatorCredentials user = this.simulator.endUserCredentials();
        this.endUser = CteraPortal.builder().name("bench-user").baseUrl(this.simulator.baseUrl())
            .context(PortalContext.SERVICES_PORTAL).credentials(user.username(), user.password())
            .readTimeout(Duration.ofSeconds(60)).taskPollInterval(Duration.ofMillis(50))
            .interceptor(new RetryInterceptor(RetryPolicy.DEFAULT)).build();
        this.admin.session();
        this.endUser.session();
    }

    CteraPortalSimulator simulator() {
        return this.simulator;
    }

    CteraPortal admin() {
        return this.admin;
    }

    CteraPortal endUser() {
        return this.endUser;
    }

    @Override
    public void close() {
        this.admin.close();
        this.endUser.close();
        this.simulator.close();
    }
}
