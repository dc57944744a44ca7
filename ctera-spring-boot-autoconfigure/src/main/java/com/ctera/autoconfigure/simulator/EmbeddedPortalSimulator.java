package com.ctera.autoconfigure.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.autoconfigure.client.EmbeddedPortalSettings;
import com.ctera.autoconfigure.client.PortalProperties;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * The CTERA Portal simulator an application gets when it configures no portal, as Boot gives an embedded database:
 * started on a free loopback port, stopped with the context.
 */
public final class EmbeddedPortalSimulator implements EmbeddedPortalSettings, AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedPortalSimulator.class);

    private final CteraPortalSimulator simulator;

    private EmbeddedPortalSimulator(CteraPortalSimulator simulator) {
        this.simulator = simulator;
    }

    /** Starts a simulator with demo data. */
    public static EmbeddedPortalSimulator start() {
        CteraPortalSimulator simulator = CteraPortalSimulator.start();
        logger.info("No CTERA portal configured: started the embedded CTERA Portal simulator at {} as portal '{}'"
                + " (set ctera.portals.<name>.url to use a real portal)", simulator.baseUrl(),
                PORTAL_NAME);
        return new EmbeddedPortalSimulator(simulator);
    }

    /** The running simulator, for tests and demos that inject faults or inspect what it received. */
    public CteraPortalSimulator simulator() {
        return this.simulator;
    }

    @Override
    public PortalProperties portalProperties() {
        SimulatorCredentials admin = this.simulator.adminCredentials();
        PortalProperties portal = new PortalProperties();
        portal.setUrl(this.simulator.baseUrl().toString());
        portal.setContext("admin");
        portal.setUsername(admin.username());
        portal.setPassword(admin.password());
        return portal;
    }

    @Override
    public void close() {
        this.simulator.close();
    }
}
