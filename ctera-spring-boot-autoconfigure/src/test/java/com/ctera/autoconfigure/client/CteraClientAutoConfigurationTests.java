package com.ctera.autoconfigure.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.ctera.autoconfigure.simulator.EmbeddedPortalSimulator;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.test.CteraPortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties to beans: defaults, overrides, several portals, user beans, the embedded simulator. */
@ExtendWith(OutputCaptureExtension.class)
@CteraPortalTest
class CteraClientAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class));

    /** The runner with credentials every portal inherits, for tests about other keys. */
    private final ApplicationContextRunner withCredentials = this.runner
        .withPropertyValues("ctera.defaults.username=admin", "ctera.defaults.password=default-pw");

    @Test
    void builtInDefaultsApplyWhenNothingIsSet() {
        this.withCredentials.withPropertyValues("ctera.portals.main.url=https://portal.example.com").run((context) -> {
            PortalSettings main = context.getBean(CteraPortalDefinitions.class).find("main").orElseThrow();
            assertThat(main.baseUrl()).isEqualTo(URI.create("https://portal.example.com"));
            assertThat(main.context()).isEqualTo(PortalContext.ADMIN);
            assertThat(main.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(main.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(main.insecureTrustAll()).isFalse();
        });
    }

    @Test
    void defaultsFillEveryPortalAndEachOverrideStaysWithItsPortal() {
        this.runner
            .withPropertyValues("ctera.defaults.timeouts.connect=2s", "ctera.defaults.timeouts.read=7s",
                    "ctera.defaults.context=services-portal", "ctera.defaults.username=svc",
                    "ctera.defaults.password=pw", "ctera.portals.a.url=https://a.example.com",
                    "ctera.portals.a.timeouts.read=11s", "ctera.portals.a.context=admin", "ctera.portals.a.tenant=acme",
                    "ctera.portals.a.username=alice", "ctera.portals.a.ssl.insecure-trust-all=true",
                    "ctera.portals.b.url=https://b.example.com/")
            .run((context) -> {
                Map<String, PortalSettings> all = context.getBean(CteraPortalDefinitions.class).all();
                PortalSettings a = all.get("a");
                PortalSettings b = all.get("b");
                assertThat(a.readTimeout()).isEqualTo(Duration.ofSeconds(11));
                assertThat(a.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                assertThat(a.context()).isEqualTo(PortalContext.ADMIN);
                assertThat(a.tenant()).isEqualTo("acme");
                assertThat(a.username()).isEqualTo("alice");
                assertThat(a.password()).isEqualTo("pw");
                assertThat(a.insecureTrustAll()).isTrue();
                assertThat(b.readTimeout()).isEqualTo(Duration.ofSeconds(7));
                assertThat(b.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                assertThat(b.context()).isEqualTo(PortalContext.SERVICES_PORTAL);
                assertThat(b.tenant()).isNull();
                assertThat(b.username()).isEqualTo("svc");
                assertThat(b.insecureTrustAll()).isFalse();
                assertThat(b.baseUrl()).isEqualTo(URI.create("https://b.example.com"));
            });
    }

    @Test
    void twoPortalsGiveTwoBeansEachTalkingToItsOwnPortal(CteraPortalSimulator first) {
        // The shared simulator of @CteraPortalTest, and a second one that only this test needs.
        try (CteraPortalSimulator second = CteraPortalSimulator.start()) {
            twoPortals(first, second);
        }
    }

    private void twoPortals(CteraPortalSimulator first, CteraPortalSimulator second) {
        this.runner.withPropertyValues(portal("one", first), portal("two", second))
            .withPropertyValues(credentials("one", first))
            .withPropertyValues(credentials("two", second))
            .withUserConfiguration(QualifiedConsumer.class)
            .run((context) -> {
                assertThat(context).hasBean("oneCteraPortal").hasBean("twoCteraPortal");
                QualifiedConsumer consumer = context.getBean(QualifiedConsumer.class);
                assertThat(consumer.one.name()).isEqualTo("one");
                assertThat(consumer.two.name()).isEqualTo("two");
                long firstBefore = first.requests().count("users.query");
                long secondBefore = second.requests().count("users.query");
                assertThat(consumer.one.users().list().limit(3)).hasSize(3);
                assertThat(first.requests().count("users.query")).isEqualTo(firstBefore + 1);
                assertThat(second.requests().count("users.query")).isEqualTo(secondBefore);
                assertThat(consumer.two.users().list().limit(3)).hasSize(3);
                assertThat(second.requests().count("users.query")).isEqualTo(secondBefore + 1);
                CteraPortals portals = context.getBean(CteraPortals.class);
                assertThat(portals.names()).containsExactly("one", "two");
                assertThat(portals.get("two")).isSameAs(consumer.two);
            });
    }

    @Test
    void aSinglePortalIsPrimary() {
        this.withCredentials.withPropertyValues("ctera.portals.main.url=https://portal.example.com")
            .run((context) -> assertThat(context.getBean(CteraPortal.class).name()).isEqualTo("main"));
    }

    @Test
    void primaryPropertyChoosesAmongSeveral() {
        this.withCredentials
            .withPropertyValues("ctera.portals.a.url=https://a.example.com", "ctera.portals.b.url=https://b.example.com",
                    "ctera.primary=b")
            .run((context) -> assertThat(context.getBean(CteraPortal.class).name()).isEqualTo("b"));
    }

    @Test
    void shorthandPortalFromHostAndPortIsNamedDefault() {
        this.withCredentials.withPropertyValues("ctera.portal.host=portal.example.com", "ctera.portal.port=8443")
            .run((context) -> {
                assertThat(context).hasBean("defaultCteraPortal");
                assertThat(context.getBean(CteraPortal.class).baseUrl())
                    .isEqualTo(URI.create("https://portal.example.com:8443"));
            });
    }

    @Test
    void environmentVariablesBindThroughRelaxedBinding() {
        this.withCredentials.withInitializer((context) -> context.getEnvironment()
            .getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
                    Map.of("CTERA_PORTAL_HOST", "env.example.com", "CTERA_PORTAL_PORT", "443",
                            "CTERA_PORTALS_MAIN_URL", "https://main.example.com", "CTERA_PORTALS_MAIN_TIMEOUTS_READ",
                            "12s"))))
            .run((context) -> {
                CteraPortalDefinitions definitions = context.getBean(CteraPortalDefinitions.class);
                assertThat(definitions.find("default").orElseThrow().baseUrl())
                    .isEqualTo(URI.create("https://env.example.com:443"));
                assertThat(definitions.find("main").orElseThrow().readTimeout()).isEqualTo(Duration.ofSeconds(12));
            });
    }

    @Test
    void aUserDefinedPortalBeanWinsOverTheConfiguredOne() {
        this.withCredentials.withPropertyValues("ctera.portals.main.url=https://portal.example.com")
            .withUserConfiguration(UserPortal.class)
            .run((context) -> assertThat(context.getBean("mainCteraPortal", CteraPortal.class).baseUrl())
                .isEqualTo(URI.create("https://mine.example.com")));
    }

    @Test
    void aUserDefinedFactoryAndRegistryWin() {
        this.withCredentials.withPropertyValues("ctera.portals.main.url=https://portal.example.com")
            .withUserConfiguration(UserFactory.class)
            .run((context) -> {
                assertThat(context.getBean(CteraPortal.class).baseUrl())
                    .isEqualTo(URI.create("https://from-factory.example.com"));
                assertThat(context).getBean(CteraPortalFactory.class).isSameAs(context.getBean("myFactory"));
            });
    }

    @Test
    void customizersSeeEveryPortalWithItsName() {
        this.withCredentials.withPropertyValues("ctera.portals.main.url=https://portal.example.com")
            .withBean(CteraPortalBuilderCustomizer.class,
                    () -> (name, builder) -> builder.baseUrl(URI.create("https://" + name + ".customized.example.com")))
            .run((context) -> assertThat(context.getBean(CteraPortal.class).baseUrl())
                .isEqualTo(URI.create("https://main.customized.example.com")));
    }

    @Test
    void noPortalConfiguredStartsTheEmbeddedSimulator(CapturedOutput output) {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(EmbeddedPortalSimulator.class).hasBean("embeddedCteraPortal");
            CteraPortal embedded = context.getBean(CteraPortal.class);
            assertThat(embedded.name()).isEqualTo("embedded");
            assertThat(embedded.users().list().limit(5)).hasSize(5);
            assertThat(output).contains("started the embedded CTERA Portal simulator at http://127.0.0.1:")
                .doesNotContain(context.getBean(EmbeddedPortalSimulator.class).simulator().adminCredentials().password());
        });
    }

    @Test
    void aConfiguredPortalTurnsTheEmbeddedSimulatorOff() {
        this.withCredentials.withPropertyValues("ctera.portals.main.url=https://portal.example.com")
            .run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPortalSimulator.class)
                .doesNotHaveBean("embeddedCteraPortal"));
    }

    @Test
    void simulatorEnabledAddsTheEmbeddedPortalBesideConfiguredOnes() {
        this.withCredentials
            .withPropertyValues("ctera.portals.main.url=https://portal.example.com", "ctera.simulator.enabled=true",
                    "ctera.primary=main")
            .run((context) -> assertThat(context.getBean(CteraPortals.class).names()).containsExactly("main",
                    "embedded"));
    }

    @Test
    void withoutTheSimulatorOnTheClassPathNoPortalMeansNoPortalBean() {
        this.runner.withClassLoader(new FilteredClassLoader(CteraPortalSimulator.class))
            .run((context) -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(CteraPortal.class);
                assertThat(context.getBean(CteraPortals.class).names()).isEmpty();
            });
    }

    @Test
    void disabledStarterCreatesNothing() {
        this.withCredentials.withPropertyValues("ctera.enabled=false", "ctera.portals.main.url=https://portal.example.com")
            .run((context) -> assertThat(context).doesNotHaveBean(CteraPortal.class)
                .doesNotHaveBean(CteraPortals.class));
    }

    @Test
    void secretsNeverShowInToString() {
        this.runner
            .withPropertyValues("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.username=u",
                    "ctera.portals.main.password=very-secret-pw", "ctera.portals.other.url=https://o.example.com",
                    "ctera.portals.other.bearer-token=very-secret-token", "ctera.portals.other.username=svc")
            .run((context) -> {
                String text = context.getBean(CteraProperties.class).toString()
                        + context.getBean(CteraPortalDefinitions.class).all()
                        + context.getBean(CteraPortals.class).asMap();
                assertThat(text).contains("main").doesNotContain("very-secret-pw").doesNotContain("very-secret-token");
            });
    }

    private static String portal(String name, CteraPortalSimulator simulator) {
        return "ctera.portals." + name + ".url=" + simulator.baseUrl();
    }

    private static String[] credentials(String name, CteraPortalSimulator simulator) {
        return new String[] { "ctera.portals." + name + ".username=" + simulator.adminCredentials().username(),
                "ctera.portals." + name + ".password=" + simulator.adminCredentials().password() };
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedConsumer {

        final CteraPortal one;

        final CteraPortal two;

        QualifiedConsumer(@Qualifier("one") CteraPortal one, @Qualifier("two") CteraPortal two) {
            this.one = one;
            this.two = two;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserPortal {

        @Bean
        CteraPortal mainCteraPortal() {
            return CteraPortal.builder()
                .name("main")
                .baseUrl(URI.create("https://mine.example.com"))
                .credentials("me", "my-pw")
                .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserFactory {

        @Bean
        CteraPortalFactory myFactory() {
            ResilienceSettings none = ResilienceSettingsResolver.resolve("ctera.defaults", new PortalProperties(),
                    new PortalProperties(), new CteraRateLimitProperties());
            return new CteraPortalFactory(new CteraPortalDefinitions(Map.of(), none, Map.of(), null), null,
                    java.util.List.of()) {
                @Override
                public CteraPortal create(String name) {
                    return CteraPortal.builder()
                        .name(name)
                        .baseUrl(URI.create("https://from-factory.example.com"))
                        .credentials("me", "my-pw")
                        .build();
                }
            };
        }
    }
}
