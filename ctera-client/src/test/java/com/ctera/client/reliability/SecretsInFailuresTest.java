package com.ctera.client.reliability;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraServerException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/** No credential the client holds reaches an exception's text, even when the portal echoes it back (issue 21). */
class SecretsInFailuresTest {

    private static final String PASSWORD = "S3cret!pw+x";

    private static final String TOKEN = "bearer-token-9f8e7d";

    @RegisterExtension
    static final HostilePortal portal = HostilePortal.start();

    @Test
    void aPortalErrorEchoingTheLoginFormDoesNotRepeatThePassword() {
        // What a portal sends when it puts the request it failed on into its message: the form as it was sent.
        portal.script((request, out) -> HostilePortal.answer(500, "<obj><att id=\"msg\"><val>cannot parse "
                + request.body().replace("&", "&amp;") + " (raw: j_password=" + PASSWORD + ")</val></att></obj>").answer(request, out));
        try (CteraPortal client = CteraPortal.builder().baseUrl(portal.url()).credentials("admin", PASSWORD)
            .readTimeout(Duration.ofSeconds(3)).build()) {
            Throwable failure = catchThrowable(() -> client.users().list().toList());
            assertThat(failure).isInstanceOf(CteraServerException.class).hasMessageContaining("j_password=****");
            assertFreeOf(failure, "S3cret");
        }
    }

    @Test
    void aPortalErrorEchoingTheBearerTokenDoesNotRepeatIt() {
        portal.script(HostilePortal.answer(401, "<obj><att id=\"msg\"><val>token " + TOKEN
                + " is not valid</val></att></obj>"));
        try (CteraPortal client = CteraPortal.builder().baseUrl(portal.url()).bearerToken(TOKEN)
            .readTimeout(Duration.ofSeconds(3)).build()) {
            Throwable failure = catchThrowable(() -> client.users().list().toList());
            assertThat(failure).isInstanceOf(CteraAuthenticationException.class).hasMessageContaining("token ****");
            assertFreeOf(failure, TOKEN);
        }
    }

    @Test
    void aBaseUrlWithUserInfoIsRefusedWithoutRepeatingIt() {
        for (String url : new String[] { "https://admin:Hunter2pw@portal.example.com",
                "https://admin:Hunter2pw@bad host", "ftp://admin:Hunter2pw@portal.example.com",
                "https://admin:Hunter2pw@portal.example.com?q=1", "admin:Hunter2pw@portal.example.com" }) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> CteraPortal.builder().baseUrl(url).bearerToken(TOKEN).build())
                .withMessageContaining("user info")
                .withMessageNotContaining("Hunter2pw");
        }
        assertThat(CteraPortal.builder().baseUrl("https://admin:Hunter2pw@portal.example.com").toString())
            .doesNotContain("Hunter2pw");
    }

    private static void assertFreeOf(Throwable failure, String secret) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(secret);
            assertThat(cause.toString()).doesNotContain(secret);
            for (Throwable suppressed : cause.getSuppressed()) {
                assertThat(String.valueOf(suppressed.getMessage())).doesNotContain(secret);
            }
        }
    }
}
