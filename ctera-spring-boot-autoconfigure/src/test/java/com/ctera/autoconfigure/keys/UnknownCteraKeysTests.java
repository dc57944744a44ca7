package com.ctera.autoconfigure.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import com.ctera.autoconfigure.client.CteraClientAutoConfiguration;
import com.ctera.autoconfigure.resilience.CteraResilienceAutoConfiguration;
import com.ctera.client.CteraPortal;

import static org.assertj.core.api.Assertions.assertThat;

/** A misspelt ctera.* key stops start-up naming the key and the one meant; keys some class binds never do. */
@ExtendWith(OutputCaptureExtension.class)
class UnknownCteraKeysTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraKeysAutoConfiguration.class, CteraClientAutoConfiguration.class,
                CteraResilienceAutoConfiguration.class))
        .withPropertyValues("ctera.simulator.enabled=false", "ctera.portals.main.url=https://portal.example.com",
                "ctera.portals.main.username=admin", "ctera.portals.main.password=secret");

    @Test
    void misspeltPortalKeyNamesTheKeyMeant() {
        this.runner.withPropertyValues("ctera.portals.main.tenat=acme").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining(
                    "Unknown CTERA configuration key: ctera.portals.main.tenat (did you mean ctera.portals.main.tenant?)")
                .hasMessageContaining("ctera.unknown-keys=warn");
        });
    }

    @Test
    void misspeltGroupUnderDefaultsNamesTheKeyMeant() {
        this.runner.withPropertyValues("ctera.defaults.timeout.read=5s").run((context) -> assertThat(context)
            .getFailure().hasMessageContaining("ctera.defaults.timeout.read (did you mean ctera.defaults.timeouts.read?)"));
    }

    @Test
    void misspeltPortalsMapNamesTheKeyMeant() {
        this.runner.withPropertyValues("ctera.portls.backup.url=https://backup.example.com").run((context) -> assertThat(
                context).getFailure().hasMessageContaining("ctera.portls.backup.url (did you mean ctera.portals.backup.url?)"));
    }

    @Test
    void keysOfEveryBoundClassAreKnownInAnyBindingForm() {
        this.runner.withPropertyValues("ctera.portals.main.ssl.insecureTrustAll=false", "ctera.portals.main.timeouts.overall=20s",
                "ctera.portals.main.retry.budget.capacity=100", "ctera.defaults.circuit-breaker.enabled=false",
                "ctera.portals.main.rate-limit.operations[files.upload].rate=5",
                "ctera.portals.main.rate_limit.strategy=token-bucket", "ctera.rate-limit.limits.reports.rate=2",
                "ctera.health.cache-ttl=0s", "ctera.simulator.enabled=false", "ctera.primary=main")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void keysOfAFeatureThatIsNotActiveAreKnownFromItsMetadata() {
        // No webhooks auto-configuration here: only the configuration metadata knows its properties class.
        this.runner.withPropertyValues("ctera.webhooks.keep-delivered=1d", "ctera.webhooks.endpoints.audit.url="
                + "https://hooks.example.com").run((context) -> assertThat(context).hasNotFailed());
        this.runner.withPropertyValues("ctera.webhooks.keep-deliverd=1d").run((context) -> assertThat(context)
            .getFailure().hasMessageContaining("ctera.webhooks.keep-deliverd (did you mean ctera.webhooks.keep-delivered?)"));
    }

    @Test
    void keysOfAnotherFeaturesPropertiesClassAreKnownWithoutBeingListed() {
        this.runner.withUserConfiguration(OtherFeature.class)
            .withPropertyValues("ctera.other-feature.endpoints.audit.url=https://hooks.example.com",
                    "ctera.other-feature.endpoints.audit.events[0]=file.created")
            .run((context) -> assertThat(context).hasNotFailed());
        this.runner.withUserConfiguration(OtherFeature.class)
            .withPropertyValues("ctera.other-feature.endpoints.audit.urll=https://hooks.example.com")
            .run((context) -> assertThat(context).getFailure()
                .hasMessageContaining("(did you mean ctera.other-feature.endpoints.audit.url?)"));
    }

    @Test
    void warnModeStartsAndLogsTheSameMessage(CapturedOutput output) {
        this.runner.withPropertyValues("ctera.unknown-keys=warn", "ctera.portals.main.tenat=acme").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("ctera.portals.main.tenat (did you mean ctera.portals.main.tenant?)");
        });
    }

    @Test
    void aBadModeIsRejectedWithTheAllowedOnes() {
        this.runner.withPropertyValues("ctera.unknown-keys=sometimes").run((context) -> assertThat(context)
            .getFailure().hasMessageContaining("ctera.unknown-keys must be fail, warn or ignore, was 'sometimes'"));
    }

    @Test
    void noPortalIsExplainedWithHowToConfigureOne() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraKeysAutoConfiguration.class, CteraClientAutoConfiguration.class))
            .withPropertyValues("ctera.simulator.enabled=false", "ctera.unknown-keys=ignore",
                    "ctera.portls.main.url=https://portal.example.com")
            .withUserConfiguration(NeedsAPortal.class)
            .run((context) -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new NoCteraPortalFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("No CTERA portal is configured");
                assertThat(analysis.getAction()).contains("ctera:", "portals:", "url: https://portal.example.com",
                        "CTERA_PORTALS_MAIN_URL");
            });
    }

    @Test
    void otherMissingBeansAreLeftToSpringBoot() {
        assertThat(new NoCteraPortalFailureAnalyzer().analyze(
                new org.springframework.beans.factory.NoSuchBeanDefinitionException(String.class))).isNull();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OtherFeatureProperties.class)
    static class OtherFeature {

    }

    /** Stands for a feature's properties class that the check has never been told about. */
    @ConfigurationProperties("ctera.other-feature")
    static class OtherFeatureProperties {

        private java.util.Map<String, Endpoint> endpoints = new java.util.LinkedHashMap<>();

        public java.util.Map<String, Endpoint> getEndpoints() {
            return this.endpoints;
        }

        public void setEndpoints(java.util.Map<String, Endpoint> endpoints) {
            this.endpoints = endpoints;
        }

        record Endpoint(String url, java.util.List<String> events) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsAPortal {

        NeedsAPortal(@Autowired CteraPortal portal) {
        }
    }
}
