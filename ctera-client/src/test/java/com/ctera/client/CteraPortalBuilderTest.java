package com.ctera.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CteraPortalBuilderTest {

    private static CteraPortalBuilder valid() {
        return CteraPortal.builder().name("main").baseUrl("https://portal.example.com")
                .credentials("admin", "s3cret-Passw0rd");
    }

    @Test
    void buildsWithoutTouchingTheNetwork() {
        // Port 1 on a documentation address: any connection attempt would fail, so success proves laziness.
        try (CteraPortal portal = CteraPortal.builder().baseUrl("http://192.0.2.1:1/").credentials("a", "b")
                .context(PortalContext.SERVICES_PORTAL).build()) {
            assertThat(portal.baseUrl()).hasToString("http://192.0.2.1:1");
            assertThat(portal.context()).isEqualTo(PortalContext.SERVICES_PORTAL);
            assertThat(portal.name()).isEqualTo("ctera");
            assertThat(portal.portalSession().loginCount()).isZero();
        }
    }

    @Test
    void toStringShowsNameUrlContextAndUserButNeverThePassword() {
        try (CteraPortal portal = valid().build()) {
            assertThat(portal.toString()).contains("main", "https://portal.example.com", "admin")
                    .doesNotContain("s3cret-Passw0rd");
            assertThat(portal.portalSession().toString()).doesNotContain("s3cret-Passw0rd");
        }
        assertThat(valid().toString()).doesNotContain("s3cret-Passw0rd");
    }

    @Test
    void toStringNeverShowsABearerToken() {
        try (CteraPortal portal = CteraPortal.builder().baseUrl("http://localhost:8080")
                .bearerToken("eyJ.very-secret-token").build()) {
            assertThat(portal.toString()).contains("bearer").doesNotContain("very-secret-token");
            assertThat(portal.portalSession().toString()).doesNotContain("very-secret-token");
        }
    }

    @Test
    void rejectsMissingOrNonHttpUrls() {
        assertThatIllegalArgumentException().isThrownBy(() -> CteraPortal.builder().credentials("a", "b").build())
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().baseUrl("ftp://portal.example.com").build())
                .withMessageContaining("baseUrl").withMessageContaining("http or https");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().baseUrl("portal.example.com").build())
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().baseUrl("https://x y").build())
                .withMessageContaining("baseUrl");
    }

    @Test
    void requiresExactlyOneKindOfCredential() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CteraPortal.builder().baseUrl("https://p.example.com").build())
                .withMessageContaining("credentials or bearerToken");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().bearerToken("t").build())
                .withMessageContaining("exclusive");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().credentials(" ", "p").build())
                .withMessageContaining("username");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().credentials("u", "").build())
                .withMessageContaining("password");
    }

    @Test
    void rejectsBadTimeoutsAndTenants() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().readTimeout(Duration.ZERO).build())
                .withMessageContaining("readTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().connectTimeout(Duration.ofSeconds(-1)).build())
                .withMessageContaining("connectTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().tenant(" ").build())
                .withMessageContaining("tenant");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> valid().context(PortalContext.SERVICES_PORTAL).tenant("acme").build())
                .withMessageContaining("tenant");
        assertThatIllegalArgumentException().isThrownBy(() -> CteraPortal.builder().baseUrl("https://p.example.com")
                .bearerToken("t").tenant("acme").build())
                .withMessageContaining("tenant").withMessageContaining("bearer");
        assertThatIllegalArgumentException().isThrownBy(() -> valid().name("").build())
                .withMessageContaining("name");
    }

    @Test
    void closeIsIdempotentAndLaterCallsFail() {
        CteraPortal portal = valid().build();
        portal.close();
        portal.close();
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(portal::session)
                .withMessageContaining("closed");
    }
}
