package com.ctera.autoconfigure.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.ctera.client.transport.CallLimits;

import static org.assertj.core.api.Assertions.assertThat;

/** Every invalid configuration stops start-up with a message naming the property and what is allowed. */
class CteraPropertiesValidationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraClientAutoConfiguration.class))
        .withPropertyValues("ctera.simulator.enabled=false");

    @Test
    void missingUrlAndHostNamesTheUrlProperty() {
        assertStartupFails("ctera.portals.main.username=admin",
                "ctera.portals.main.url is required: set the portal's base URL (https://host[:port]) or "
                        + "ctera.portals.main.host");
    }

    @Test
    void missingCredentialsAreRejected() {
        assertStartupFails("ctera.portals.main.url=https://portal.example.com",
                "ctera.portals.main.username and ctera.portals.main.password (or ctera.portals.main.bearer-token) are "
                        + "required");
    }

    @Test
    void badSchemeSaysWhichSchemesAreAllowed() {
        assertStartupFails("ctera.portals.main.url=ftp://portal.example.com",
                "ctera.portals.main.url must use the https or http scheme, was 'ftp://portal.example.com'");
    }

    @Test
    void urlWithoutHostIsRejected() {
        assertStartupFails("ctera.portals.main.url=https:///admin", "ctera.portals.main.url has no host");
    }

    @Test
    void userInformationInTheUrlIsRejectedWithoutEchoingIt() {
        this.runner.withPropertyValues("ctera.portals.main.url=https://admin:hunter2@portal.example.com")
            .run((context) -> {
                assertThat(context).hasFailed();
                String message = fullMessage(context.getStartupFailure());
                assertThat(message).contains("ctera.portals.main.url must not contain user information")
                    .doesNotContain("hunter2");
            });
    }

    @Test
    void unknownContextListsTheAllowedValues() {
        assertStartupFails("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.context=tenant",
                "ctera.portals.main.context must be admin or services-portal, was 'tenant'");
    }

    @Test
    void passwordAndBearerTokenTogetherAreRejectedWithoutShowingEither() {
        this.runner
            .withPropertyValues("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.username=admin",
                    "ctera.portals.main.password=s3cret-pass", "ctera.portals.main.bearer-token=tok-123456")
            .run((context) -> {
                assertThat(context).hasFailed();
                String message = fullMessage(context.getStartupFailure());
                assertThat(message).contains("ctera.portals.main.password and ctera.portals.main.bearer-token are both set")
                    .doesNotContain("s3cret-pass")
                    .doesNotContain("tok-123456");
            });
    }

    @Test
    void passwordWithoutUsernameIsRejected() {
        assertStartupFails("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.password=x",
                "ctera.portals.main.username is required when a password is set");
    }

    @Test
    void zeroReadTimeoutIsRejected() {
        assertStartupFails("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.timeouts.read=0s",
                "ctera.portals.main.timeouts.read must be a positive duration such as 5s or 500ms, was PT0S");
    }

    @Test
    void aTransferThroughputRuleThatCannotWorkNamesItsProperty() {
        assertStartupFails("ctera.portals.main.url=https://portal.example.com",
                "ctera.defaults.timeouts.transfer-throughput-window=0s",
                "ctera.defaults.timeouts.transfer-throughput-window must be a positive duration");
        assertStartupFails("ctera.portals.main.url=https://portal.example.com",
                "ctera.portals.main.timeouts.transfer-min-throughput=-1KB",
                "ctera.portals.main.timeouts.transfer-min-throughput must be 0 (off) or a size such as 1KB");
    }

    @Test
    void negativeDefaultConnectTimeoutNamesTheDefaultsProperty() {
        assertStartupFails("ctera.portals.main.url=https://portal.example.com",
                "ctera.defaults.timeouts.connect=-1s",
                "ctera.defaults.timeouts.connect must be a positive duration such as 5s or 500ms, was PT-1S");
    }

    @Test
    void portOutOfRangeIsRejected() {
        assertStartupFails("ctera.portal.host=portal.example.com", "ctera.portal.port=70000",
                "ctera.portal.port must be between 1 and 65535, was 70000");
    }

    @Test
    void portWithoutHostAsksForTheHost() {
        assertStartupFails("ctera.portal.port=443", "ctera.portal.url is required");
    }

    @Test
    void primaryMustNameAConfiguredPortal() {
        assertStartupFails("ctera.portals.main.url=https://portal.example.com", "ctera.primary=backup",
                "ctera.primary names the portal 'backup', which is not configured");
    }

    @Test
    void severalProblemsAreReportedTogether() {
        this.runner
            .withPropertyValues("ctera.portals.a.url=ftp://x", "ctera.portals.b.context=nope",
                    "ctera.portals.b.url=https://b.example.com")
            .run((context) -> assertThat(fullMessage(context.getStartupFailure()))
                .contains("ctera.portals.a.url must use the https or http scheme")
                .contains("ctera.portals.b.context must be admin or services-portal"));
    }

    @Test
    void userInformationInAnyShapeOfUrlIsNeverEchoed() {
        for (String url : new String[] { "https://admin:hunter2@portal_example.com", "ftp://admin:hunter2@x",
                "https://admin:hunter2@bad host", "admin:hunter2@portal.example.com" }) {
            this.runner.withPropertyValues("ctera.defaults.url=" + url, "ctera.portals.main.bearer-token=tok-1234")
                .run((context) -> assertThat(fullMessage(context.getStartupFailure()))
                    .contains("ctera.defaults.url must not contain user information")
                    .doesNotContain("hunter2"));
        }
    }

    @Test
    void aZeroAttemptTimeoutIsRejected() {
        assertStartupFails("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.bearer-token=t",
                "ctera.portals.main.timeouts.attempt=0s",
                "ctera.portals.main.timeouts.attempt must be a positive duration");
    }

    @Test
    void limitsOutOfRangeAreRejectedWithTheirProperty() {
        this.runner
            .withPropertyValues("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.bearer-token=t",
                    "ctera.defaults.limits.max-answer-size=0B", "ctera.portals.main.limits.max-text-length=4GB",
                    "ctera.portals.main.limits.max-list-items=0")
            .run((context) -> assertThat(fullMessage(context.getStartupFailure()))
                .contains("ctera.defaults.limits.max-answer-size must be a positive size")
                .contains("ctera.portals.main.limits.max-text-length must be a positive size such as 64MB, at most "
                        + Integer.MAX_VALUE + " bytes")
                .contains("ctera.portals.main.limits.max-list-items must be at least 1, was 0"));
    }

    @Test
    void limitsAndTheAttemptTimeoutFallBackToTheDefaultsKeyByKey() {
        this.runner
            .withPropertyValues("ctera.portals.main.url=https://portal.example.com", "ctera.portals.main.bearer-token=t",
                    "ctera.defaults.limits.max-answer-size=32MB", "ctera.defaults.timeouts.attempt=20s",
                    "ctera.portals.main.limits.max-list-items=5000", "ctera.portals.main.timeouts.attempt=45s")
            .run((context) -> {
                CallLimits limits = context.getBean(CteraPortalDefinitions.class).find("main").orElseThrow().limits();
                assertThat(limits).isEqualTo(new CallLimits(32L * 1024 * 1024,
                        CallLimits.DEFAULTS.maxTextLength(), Duration.ofSeconds(45), 5000));
            });
    }

    private void assertStartupFails(String... propertiesThenMessage) {
        String[] properties = java.util.Arrays.copyOf(propertiesThenMessage, propertiesThenMessage.length - 1);
        String expected = propertiesThenMessage[propertiesThenMessage.length - 1];
        this.runner.withPropertyValues(properties).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(fullMessage(context.getStartupFailure())).contains(expected);
        });
    }

    static String fullMessage(Throwable failure) {
        StringBuilder message = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            message.append(cause.getMessage()).append('\n');
        }
        return message.toString();
    }
}
