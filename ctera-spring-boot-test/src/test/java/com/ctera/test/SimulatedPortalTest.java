package com.ctera.test;

import org.junit.jupiter.api.Test;

import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The properties a simulated portal sets, and what it refuses. */
@CteraPortalTest(portal = "archive", context = "services-portal")
class SimulatedPortalTest {

    @Test
    void setsTheStartersPropertiesForTheAnnotatedPortal(SimulatedPortal portal, CteraPortalSimulator simulator) {
        assertThat(portal.properties()).containsExactly(
                entry("ctera.portals.archive.url", simulator.baseUrl().toString()),
                entry("ctera.portals.archive.context", "services-portal"),
                entry("ctera.portals.archive.username", simulator.tenantAdminCredentials().username()),
                entry("ctera.portals.archive.password", simulator.tenantAdminCredentials().password()));
        assertThat(portal.toString()).doesNotContain(simulator.tenantAdminCredentials().password());
    }

    @Test
    void anAdminPortalBrowsesItsTenant(CteraPortalSimulator simulator) {
        SimulatedPortal admin = new SimulatedPortal("main", "admin", "acme", simulator);
        assertThat(admin.propertyValues()).contains("ctera.portals.main.tenant=acme",
                "ctera.portals.main.username=" + simulator.adminCredentials().username());
        assertThat(new SimulatedPortal("main", "admin", "", simulator).properties())
            .doesNotContainKey("ctera.portals.main.tenant");
    }

    @Test
    void refusesAnUnknownContextNamingTheChoices(CteraPortalSimulator simulator) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SimulatedPortal("main", "Admin", "", simulator))
            .withMessageContaining("admin or services-portal");
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
