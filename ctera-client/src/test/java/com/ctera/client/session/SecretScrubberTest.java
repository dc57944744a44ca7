package com.ctera.client.session;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ctera.client.CteraServerException;
import com.ctera.client.CteraThrottledException;

import static org.assertj.core.api.Assertions.assertThat;

/** The scrubber masks every form of a secret, keeps the failure's type, and leaves clean failures alone. */
class SecretScrubberTest {

    @Test
    void aFailureMentioningNoSecretIsReturnedAsItIs() {
        CteraServerException clean = new CteraServerException("users.query", 500, "failed: HTTP 500", null);
        assertThat(SecretScrubber.scrub(clean, List.of("p@ss word!"))).isSameAs(clean);
    }

    @Test
    void everyFormOfASecretIsMaskedInTheFailureAndItsCausesKeepingTheType() {
        IOException cause = new IOException("echo: j_password=p%40ss+word%21 and p%40ss%20word%21");
        CteraServerException leaky = new CteraServerException("login", 500, "failed: p@ss word! rejected", cause);
        Throwable scrubbed = SecretScrubber.scrub(leaky, List.of("p@ss word!"));
        assertThat(scrubbed).isInstanceOf(CteraServerException.class)
            .hasMessage("failed: **** rejected");
        assertThat(((CteraServerException) scrubbed).status()).isEqualTo(500);
        assertThat(scrubbed.getCause()).hasMessage("java.io.IOException: echo: j_password=**** and ****");
        assertThat(scrubbed.getStackTrace()).isEqualTo(leaky.getStackTrace());
    }

    @Test
    void throttlingKeepsItsRetryAfter() {
        CteraThrottledException leaky = new CteraThrottledException("users.query", 429, "slow down, token-12345",
                Duration.ofSeconds(7), null);
        Throwable scrubbed = SecretScrubber.scrub(leaky, List.of("token-12345"));
        assertThat(scrubbed).isInstanceOf(CteraThrottledException.class).hasMessage("slow down, ****");
        assertThat(((CteraThrottledException) scrubbed).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void veryShortSecretsAreNotMaskedSoMessagesStayReadable() {
        CteraServerException failure = new CteraServerException("users.query", 500, "failed: abc", null);
        assertThat(SecretScrubber.scrub(failure, List.of("abc"))).isSameAs(failure);
    }
}
