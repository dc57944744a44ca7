package com.ctera.client.transport;

import java.net.ConnectException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A TLS failure is told apart by what the user has to change, from the causes the JDK gives. */
class TlsFailureTest {

    @Test
    void noTrustedChainIsAnUntrustedCertificate() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertPathBuilderException("unable to find valid certification path"));
        assertThat(TlsFailure.of(new RuntimeException("wrapped", handshake)))
            .isEqualTo(TlsFailure.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void theJdksHostNameCheckIsAMismatch() {
        SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative DNS name matching vm found.");
        handshake.initCause(new CertificateException("No subject alternative DNS name matching vm found."));
        assertThat(TlsFailure.of(handshake)).isEqualTo(TlsFailure.HOST_NAME_MISMATCH);
    }

    @Test
    void otherHandshakeFailuresAndNonTlsFailuresAreToldApart() {
        assertThat(TlsFailure.of(new SSLHandshakeException("Received fatal alert: protocol_version")))
            .isEqualTo(TlsFailure.OTHER);
        assertThat(TlsFailure.of(new ConnectException("Connection refused"))).isNull();
    }
}
