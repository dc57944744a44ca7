package com.ctera.autoconfigure.actuate;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.client.CteraPortals;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.test.CteraPortalTest;
import com.ctera.test.SimulatedPortal;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/ctera} with two portals: what each shows, the contributed sections, and no secret anywhere. */
@CteraPortalTest
class CteraEndpointAutoConfigurationTests {

    private final CteraPortalSimulator simulator;

    private final ApplicationContextRunner runner;

    CteraEndpointAutoConfigurationTests(SimulatedPortal main, CteraPortalSimulator simulator) {
        this.simulator = simulator;
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class,
                    EndpointAutoConfiguration.class, CteraEndpointAutoConfiguration.class))
            .withPropertyValues(main.propertyValues())
            .withPropertyValues(new SimulatedPortal("backup", "services-portal", "", simulator).propertyValues())
            .withPropertyValues("ctera.primary=main");
    }

    @Test
    void describesEachPortalWithContributedSectionsAndNoSecret() {
        this.runner.withPropertyValues("management.endpoints.web.exposure.include=ctera")
            .withUserConfiguration(LimiterSection.class)
            .run((context) -> {
                context.getBean(CteraPortals.class).get("main").users()
                    .get(this.simulator.endUserCredentials().username());
                CteraEndpoint.PortalsDescriptor all = context.getBean(CteraEndpoint.class).portals();
                assertThat(all.portals()).containsOnlyKeys("main", "backup");

                Map<String, Object> main = all.portals().get("main");
                assertThat(main).containsEntry("url", this.simulator.baseUrl().toString())
                    .containsEntry("context", "admin")
                    .containsEntry("rateLimiter", Map.of("strategy", "token-bucket", "availablePermits", 42));
                assertThat(main.get("version")).asString().isNotBlank();
                assertThat(main.get("session")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("state", "established")
                    .containsEntry("logins", 1)
                    .containsEntry("tenant", this.simulator.defaultTenant());

                Map<String, Object> backup = all.portals().get("backup");
                assertThat(backup).containsEntry("context", "services-portal")
                    .containsEntry("version", null)
                    .doesNotContainKey("rateLimiter");
                assertThat(backup.get("session")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("state", "none")
                    .containsEntry("logins", 0);

                assertThat(context.getBean(CteraEndpoint.class).portal("backup")).isEqualTo(backup);
                assertThat(context.getBean(CteraEndpoint.class).portal("nope")).isNull();

                String json = JsonMapper.builder().build().writeValueAsString(all);
                assertThat(json).contains("\"main\"", "\"backup\"")
                    .doesNotContain(this.simulator.adminCredentials().password())
                    .doesNotContain(this.simulator.tenantAdminCredentials().password())
                    .doesNotContainIgnoringCase("JSESSIONID");
            });
    }

    @Test
    void isAbsentUnlessExposed() {
        this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CteraEndpoint.class));
    }

    @Test
    void aUserEndpointBeanWins() {
        this.runner.withPropertyValues("management.endpoints.web.exposure.include=ctera")
            .withUserConfiguration(UserEndpoint.class)
            .run((context) -> assertThat(context).hasSingleBean(CteraEndpoint.class).hasBean("myCteraEndpoint"));
    }

    @Configuration(proxyBeanMethods = false)
    static class LimiterSection {

        @Bean
        CteraEndpointContributor limiterSection() {
            return new CteraEndpointContributor() {
                @Override
                public String section() {
                    return "rateLimiter";
                }

                @Override
                public Map<String, Object> describe(String portalName) {
                    return "main".equals(portalName) ? Map.of("strategy", "token-bucket", "availablePermits", 42)
                            : Map.of();
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserEndpoint {

        @Bean
        CteraEndpoint myCteraEndpoint() {
            return new CteraEndpoint(Map.of(), java.util.List.of());
        }
    }
}
