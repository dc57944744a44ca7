package com.ctera.simulator.tls;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelfSignedCertificateTest {

    @Test
    void coversLoopbackAndTheBindHostAndIsCurrentlyValid() throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.generate("portal.test");
        X509Certificate certificate = generated.certificate();
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        assertThat(names).extracting(name -> name.get(1).toString())
            .contains("localhost", "127.0.0.1", "portal.test");
        assertThat(generated.toString()).doesNotContain("PRIVATE");
    }
}
