package com.ctera.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorMainTest {

    @Test
    void defaultsToPort9090OnLoopbackWithDemoData() {
        SimulatorOptions options = SimulatorMain.parse();
        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(options.tls()).isFalse();
        assertThat(options.seed()).isTrue();
        assertThat(options.adminPassword()).isEqualTo(SimulatorOptions.DEFAULT_ADMIN_PASSWORD);
    }

    @Test
    void readsEveryOption() {
        SimulatorOptions options = SimulatorMain.parse("--port", "8443", "--bind", "0.0.0.0", "--tls",
                "--admin-password", "S3cret!", "--no-seed");
        assertThat(options).isEqualTo(new SimulatorOptions(8443, "0.0.0.0", true, "S3cret!", false,
                SimulatorOptions.DEFAULT_PORTAL_VERSION));
    }

    @Test
    void readsTheDataDirectoryAndTaskDuration() {
        SimulatorOptions options = SimulatorMain.parse("--data-dir", "target/sim-data", "--task-duration-ms", "50");
        assertThat(options.dataDirectory()).isEqualTo(java.nio.file.Path.of("target/sim-data"));
        assertThat(options.taskDuration()).isEqualTo(java.time.Duration.ofMillis(50));
        assertThat(SimulatorOptions.defaults().dataDirectory()).isNull();
        assertThat(SimulatorOptions.defaults().taskDuration()).isEqualTo(SimulatorOptions.DEFAULT_TASK_DURATION);
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse("--task-duration-ms", "soon"))
            .withMessageContaining("milliseconds");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorOptions.defaults()
            .withTaskDuration(java.time.Duration.ofMillis(-1))).withMessageContaining("taskDuration");
    }

    @Test
    void rejectsBadArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse("--port"))
            .withMessageContaining("--port");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse("--port", "http"))
            .withMessageContaining("number");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse("--port", "70000"));
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse("--bind", "--tls"));
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.parse("--verbose"))
            .withMessageContaining("--verbose");
    }

    @Test
    void optionsCopyMethodsChangeOneField() {
        SimulatorOptions base = SimulatorOptions.defaults();
        assertThat(base.withPort(1234).port()).isEqualTo(1234);
        assertThat(base.withPortalVersion("8.3.1").portalVersion()).isEqualTo("8.3.1");
        assertThat(base.withSeed(false).seed()).isFalse();
        assertThat(base.withBindAddress("::1").bindAddress()).isEqualTo("::1");
        assertThat(base.withPort(1234).withTls(true)).isEqualTo(new SimulatorOptions(1234, "127.0.0.1", true,
                SimulatorOptions.DEFAULT_ADMIN_PASSWORD, true, SimulatorOptions.DEFAULT_PORTAL_VERSION));
        assertThatIllegalArgumentException().isThrownBy(() -> base.withPort(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> base.withAdminPassword(""));
    }

    @Test
    void certOutNamesTheFileAndNeedsTls() {
        assertThat(SimulatorMain.certOut("--tls", "--cert-out", "target/sim.pem"))
            .isEqualTo(java.nio.file.Path.of("target/sim.pem"));
        assertThat(SimulatorMain.parse("--tls", "--cert-out", "target/sim.pem").tls()).isTrue();
        assertThat(SimulatorMain.certOut("--tls")).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorMain.certOut("--cert-out", "target/sim.pem"))
            .withMessageContaining("--cert-out needs --tls");
    }

    @Test
    void aTlsSimulatorGivesItsCertificateAsPem() {
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withTls(true))) {
            assertThat(simulator.certificatePem()).hasValueSatisfying((pem) -> assertThat(pem)
                .startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n")
                .doesNotContain("PRIVATE"));
        }
        try (CteraPortalSimulator plain = CteraPortalSimulator.start()) {
            assertThat(plain.certificatePem()).isEmpty();
        }
    }
}
