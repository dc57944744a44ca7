package com.ctera.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import com.ctera.simulator.CteraPortalSimulator;

/**
 * Puts the portal's properties first in the environment, so they win over {@code application.yml}, and registers the
 * shared simulator as the {@code cteraPortalSimulator} bean. Equal for equal annotations, so contexts are cached.
 */
record CteraPortalTestContextCustomizer(String portal, String context, String tenant) implements ContextCustomizer {

    static final String SIMULATOR_BEAN = "cteraPortalSimulator";

    @Override
    public void customizeContext(ConfigurableApplicationContext application, MergedContextConfiguration merged) {
        CteraPortalSimulator simulator = SharedSimulator.get();
        SimulatedPortal simulated = new SimulatedPortal(this.portal, this.context, this.tenant, simulator);
        Map<String, Object> properties = new LinkedHashMap<>(simulated.properties());
        application.getEnvironment().getPropertySources()
            .addFirst(new MapPropertySource("cteraPortalTest", properties));
        // The simulator outlives every context: registered as an instance, the context never closes it.
        application.getBeanFactory().registerSingleton(SIMULATOR_BEAN, simulator);
    }
}
