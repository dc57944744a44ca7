package com.ctera.simulator;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TlsTest {

    @Test
    void servesHttpsWithAGeneratedSelfSignedCertificate() throws Exception {
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withTls(true))) {
            assertThat(simulator.baseUrl().toString()).startsWith("https://127.0.0.1:");
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[] { new TrustEverything() }, new SecureRandom());
            HttpClient client = HttpClient.newBuilder()
                .sslContext(trustAll)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(PortalHttp.TIMEOUT)
                .build();
            PortalHttp http = new PortalHttp(simulator.baseUrl(), client);
            HttpResponse<String> login = http.login("admin", simulator.adminCredentials());
            assertThat(login.statusCode()).isEqualTo(200);
            // Under TLS the session cookie is kept off plain HTTP and away from page scripts.
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; HttpOnly")
                .contains("; Secure");
            SSLSession tls = login.sslSession().orElseThrow();
            X509Certificate certificate = (X509Certificate) tls.getPeerCertificates()[0];
            assertThat(certificate.getSubjectX500Principal().getName()).contains("ctera-portal-simulator");
            PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
            assertThat(admin.get("/version").body()).isEqualTo("<val>7.5.182.16</val>");
        }
    }

    @Test
    void aClientThatTrustsOnlyTheDefaultAuthoritiesRefusesIt() throws Exception {
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withTls(true))) {
            PortalHttp http = new PortalHttp(simulator);
            org.assertj.core.api.Assertions.assertThatExceptionOfType(javax.net.ssl.SSLException.class)
                .isThrownBy(() -> http.send("GET", "/admin/public/publicInfo", null));
        }
    }

    /** Test only: accepts any server certificate. */
    private static final class TrustEverything implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
