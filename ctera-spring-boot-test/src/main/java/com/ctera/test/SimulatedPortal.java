package com.ctera.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * One portal of the starter pointed at the simulator: the properties that configure it, for
 * {@code ApplicationContextRunner.withPropertyValues(portal.propertyValues())} or Spring's test context.
 * @param name the portal's name under {@code ctera.portals}
 * @param context {@code admin} or {@code services-portal}
 * @param tenant the tenant to browse in the admin context, or empty for global administration
 * @param simulator the simulator it reaches
 */
public record SimulatedPortal(String name, String context, String tenant, CteraPortalSimulator simulator) {

    public SimulatedPortal {
        Objects.requireNonNull(simulator, "simulator");
        if (name.isBlank()) {
            throw new IllegalArgumentException("@CteraPortalTest portal must name a portal, such as \"main\"");
        }
        if (!context.equals("admin") && !context.equals("services-portal")) {
            throw new IllegalArgumentException("@CteraPortalTest context must be admin or services-portal, was '"
                    + context + "'");
        }
    }

    /** The portal as {@link CteraPortalTest} describes it. */
    static SimulatedPortal of(CteraPortalTest test, CteraPortalSimulator simulator) {
        return new SimulatedPortal(test.portal(), test.context(), test.tenant(), simulator);
    }

    /** Who the portal logs in as: the global administrator, or a tenant administrator of the ServicesPortal. */
    public SimulatorCredentials credentials() {
        return this.context.equals("admin") ? this.simulator.adminCredentials()
                : this.simulator.tenantAdminCredentials();
    }

    /** The {@code ctera.portals.<name>.*} properties, in a stable order. */
    public Map<String, String> properties() {
        String prefix = "ctera.portals." + this.name + ".";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix + "url", this.simulator.baseUrl().toString());
        properties.put(prefix + "context", this.context);
        properties.put(prefix + "username", credentials().username());
        properties.put(prefix + "password", credentials().password());
        if (this.context.equals("admin") && !this.tenant.isBlank()) {
            properties.put(prefix + "tenant", this.tenant);
        }
        return properties;
    }

    /** The same as {@code key=value} strings. */
    public String[] propertyValues() {
        return properties().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
    }

    /** No password in test reports. */
    @Override
    public String toString() {
        return "SimulatedPortal[" + this.name + ", " + this.context + ", tenant=" + this.tenant + ", "
                + this.simulator.baseUrl() + "]";
    }
}
