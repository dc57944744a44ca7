package com.ctera.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PortalContextTest {

    @Test
    void pathsAreTheUrlSegments() {
        assertThat(PortalContext.ADMIN.path()).isEqualTo("admin");
        assertThat(PortalContext.SERVICES_PORTAL.path()).isEqualTo("ServicesPortal");
    }

    @Test
    void parsesConfigurationSpellingsInAnyCase() {
        assertThat(PortalContext.parse("admin")).isEqualTo(PortalContext.ADMIN);
        assertThat(PortalContext.parse("ADMIN")).isEqualTo(PortalContext.ADMIN);
        assertThat(PortalContext.parse("services-portal")).isEqualTo(PortalContext.SERVICES_PORTAL);
        assertThat(PortalContext.parse("ServicesPortal")).isEqualTo(PortalContext.SERVICES_PORTAL);
        assertThat(PortalContext.parse("servicesportal")).isEqualTo(PortalContext.SERVICES_PORTAL);
    }

    @Test
    void rejectsOthersListingTheAllowedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> PortalContext.parse("tenant"))
                .withMessageContaining("'tenant'")
                .withMessageContaining("admin, services-portal, ServicesPortal");
    }
}
