package com.ctera.autoconfigure.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.ctera.client.CteraPortal;
import com.ctera.client.CteraTransportException;
import com.ctera.client.session.SessionInfo;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A portal with a self-signed certificate, trusted through a Spring Boot PEM bundle; and what the log says, once per
 * portal, when a portal cannot be used: certificate untrusted or for another host, login refused, unreachable.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortalTlsAndStateLogTests {

    private static CteraPortalSimulator tls;

    private static Path certificate;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, CteraClientAutoConfiguration.class))
        .withPropertyValues("ctera.simulator.enabled=false",
                "ctera.portals.main.username=" + tls.adminCredentials().username(),
                "ctera.portals.main.password=" + tls.adminCredentials().password());

    @BeforeAll
    static void startTlsSimulator(@TempDir Path directory) throws IOException {
        tls = CteraPortalSimulator.start(SimulatorOptions.defaults().withTls(true));
        certificate = Files.writeString(directory.resolve("simulator.pem"), tls.certificatePem().orElseThrow());
    }

    @AfterAll
    static void stopTlsSimulator() {
        tls.close();
    }

    @Test
    void aPemBundleTrustsTheSimulatorsCertificate() {
        this.runner.withPropertyValues("spring.ssl.bundle.pem.portal.truststore.certificate=file:" + certificate,
                "ctera.portals.main.url=" + tls.baseUrl(), "ctera.portals.main.ssl.bundle=portal")
            .run((context) -> {
                SessionInfo session = context.getBean(CteraPortal.class).reactive().checkSession().block();
                assertThat(session).isNotNull();
                assertThat(session.portalVersion()).isNotBlank();
            });
    }

    @Test
    void aBundleUnderDefaultsServesEveryPortal() {
        this.runner.withPropertyValues("spring.ssl.bundle.pem.portal.truststore.certificate=file:" + certificate,
                "ctera.portals.main.url=" + tls.baseUrl(), "ctera.defaults.ssl.bundle=portal")
            .run((context) -> assertThat(context.getBean(CteraPortal.class).reactive().checkSession().block())
                .isNotNull());
    }

    @Test
    void anUnknownBundleStopsStartUpNamingTheProperty() {
        this.runner.withPropertyValues("ctera.portals.main.url=" + tls.baseUrl(), "ctera.portals.main.ssl.bundle=nope")
            .run((context) -> assertThat(context).getFailure().hasMessageContaining(
                    "ctera.portals.main.ssl.bundle names the SSL bundle 'nope', which is not configured; define it "
                            + "under spring.ssl.bundle.pem.nope or spring.ssl.bundle.jks.nope"));
    }

    @Test
    void anUntrustedCertificateIsOneWarningThatPointsToTheBundle(CapturedOutput output) {
        this.runner.withPropertyValues("ctera.portals.main.url=" + tls.baseUrl()).run((context) -> {
            CteraPortal portal = context.getBean(CteraPortal.class);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatExceptionOfType(CteraTransportException.class)
                    .isThrownBy(() -> portal.reactive().checkSession().block())
                    .withMessageContaining("TLS failure: the portal's certificate is not trusted");
            }
            assertThat(occurrences(output.getOut(), "presents a certificate that is not trusted: set "
                    + "ctera.portals.main.ssl.bundle")).isOne();
        });
    }

    @Test
    void anUntrustedCertificateLeavesOnlyTheStartersWarningAndFailsPromptly(CapturedOutput output)
            throws InterruptedException {
        int attempts = 3;
        this.runner.withPropertyValues("ctera.portals.main.url=" + tls.baseUrl()).run((context) -> {
            CteraPortal portal = context.getBean(CteraPortal.class);
            for (int attempt = 0; attempt < attempts; attempt++) {
                long started = System.nanoTime();
                // A call that hung would end in block's own IllegalStateException, not in the typed exception.
                assertThatExceptionOfType(CteraTransportException.class)
                    .isThrownBy(() -> portal.reactive().checkSession().block(Duration.ofSeconds(10)))
                    .withMessageContaining("TLS failure: the portal's certificate is not trusted");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            }
            // Reactor Netty logs on its event loop after the call has failed (twice per connection): wait for it
            // while the filter is still in place.
            ReactorNettyTlsLogFilter filter = context.getBean(ReactorNettyTlsLogFilter.class);
            awaitUpTo(Duration.ofSeconds(5), () -> filter.denied() >= 2L * attempts);
            assertThat(filter.denied()).isGreaterThanOrEqualTo(attempts);
        });
        assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN ")))
            .singleElement()
            .asString()
            .contains(PortalStateLog.class.getName())
            .contains("presents a certificate that is not trusted: set ctera.portals.main.ssl.bundle");
        assertThat(output.getAll()).doesNotContain(ReactorNettyTlsLogFilter.REACTOR_NETTY_LOGGER)
            .doesNotContain("SSLHandshakeException");

        // Without the starter's filter (its context is closed), the same failure brings Reactor Netty's trace: the
        // captured output would have shown it above.
        try (CteraPortal plain = CteraPortal.builder()
            .name("plain")
            .baseUrl(tls.baseUrl())
            .credentials(tls.adminCredentials().username(), tls.adminCredentials().password())
            .build()) {
            assertThatExceptionOfType(CteraTransportException.class)
                .isThrownBy(() -> plain.reactive().checkSession().block(Duration.ofSeconds(10)));
        }
        awaitUpTo(Duration.ofSeconds(5), () -> output.getAll().contains(ReactorNettyTlsLogFilter.REACTOR_NETTY_LOGGER));
        assertThat(output.getAll()).contains(ReactorNettyTlsLogFilter.REACTOR_NETTY_LOGGER)
            .contains("SSLHandshakeException");
    }

    @Test
    void aCertificateForAnotherHostIsToldApartFromAnUntrustedOne(CapturedOutput output) throws IOException {
        // A name of this machine that reaches the simulator on the loopback address but is not in its certificate.
        String otherName = InetAddress.getLocalHost().getHostName();
        assumeThat(InetAddress.getByName(otherName).isLoopbackAddress() && !otherName.equals("localhost")).isTrue();
        URI url = URI.create("https://" + otherName + ":" + tls.port());
        this.runner.withPropertyValues("spring.ssl.bundle.pem.portal.truststore.certificate=file:" + certificate,
                "ctera.portals.main.url=" + url, "ctera.portals.main.ssl.bundle=portal").run((context) -> {
                    assertThatExceptionOfType(CteraTransportException.class)
                        .isThrownBy(() -> context.getBean(CteraPortal.class).reactive().checkSession().block())
                        .withMessageContaining("does not match the host name");
                    assertThat(output.getOut()).contains("presents a certificate for another host name");
                });
    }

    @Test
    void aRefusedLoginIsOneWarningWithoutThePassword(CapturedOutput output) {
        try (CteraPortalSimulator plain = CteraPortalSimulator.start()) {
            this.runner.withPropertyValues("ctera.portals.main.url=" + plain.baseUrl(),
                    "ctera.portals.main.password=Wr0ng-Secret").run((context) -> {
                        CteraPortal portal = context.getBean(CteraPortal.class);
                        for (int attempt = 0; attempt < 2; attempt++) {
                            assertThatExceptionOfType(RuntimeException.class)
                                .isThrownBy(() -> portal.reactive().checkSession().block());
                        }
                    });
        }
        assertThat(occurrences(output.getOut(), "refused the login of user 'admin': check "
                + "ctera.portals.main.username and ctera.portals.main.password")).isOne();
        assertThat(output.getAll()).doesNotContain("Wr0ng-Secret");
    }

    @Test
    void anUnreachablePortalIsOneWarningPerChangeOfState(CapturedOutput output) {
        CteraPortalSimulator gone = CteraPortalSimulator.start();
        URI url = gone.baseUrl();
        gone.close();
        this.runner.withPropertyValues("ctera.portals.main.url=" + url).run((context) -> {
            CteraPortal portal = context.getBean(CteraPortal.class);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatExceptionOfType(CteraTransportException.class)
                    .isThrownBy(() -> portal.reactive().checkSession().block());
            }
        });
        assertThat(occurrences(output.getOut(), "CTERA portal 'main' (" + url + ") is unreachable")).isOne();
    }

    private static void awaitUpTo(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
