package com.ctera.client;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.ctera.client.transport.PortalTransport;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;
import com.ctera.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS verification stays on unless switched off, and switching it off says so once. */
class TlsTest {

    private static CteraPortalSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withTls(true));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static CteraPortalBuilder builder() {
        SimulatorCredentials admin = simulator.adminCredentials();
        return CteraPortal.builder().name("tls").baseUrl(simulator.baseUrl())
                .credentials(admin.username(), admin.password()).readTimeout(TestPortals.READ_TIMEOUT);
    }

    @Test
    void anUntrustedCertificateFailsAsATransportError() {
        assertThat(simulator.baseUrl().getScheme()).isEqualTo("https");
        try (CteraPortal portal = builder().build()) {
            assertThatThrownBy(portal::session).isInstanceOfSatisfying(CteraTransportException.class, error -> {
                assertThat(error.operation()).isEqualTo("login");
                assertThat(error.getMessage()).contains("TLS");
            });
        }
    }

    @Test
    void trustingAllCertificatesConnectsAndWarnsOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(PortalTransport.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (CteraPortal portal = builder().insecureTrustAllCertificates(true).build()) {
            assertThat(portal.session().username()).isEqualTo(simulator.adminCredentials().username());
            assertThat(portal.users().list().count()).isPositive();
        }
        finally {
            logger.detachAppender(events);
        }
        List<ILoggingEvent> warnings = events.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).contains("tls", "verification is OFF")
                .doesNotContain(simulator.adminCredentials().password());
    }
}
