package com.ctera.client.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.ctera.client.events.EventFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing and verifying per Standard Webhooks: the published example, an independent HMAC, edges, rotation. */
class StandardWebhooksTest {

    // The example of the Standard Webhooks specification and its reference libraries.
    private static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

    private static final long SPEC_TIMESTAMP = 1614265330;

    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsThePublishedExample() {
        assertThat(StandardWebhookSigner.signatureHeader(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(SPEC_SECRET)))
            .isEqualTo(SPEC_SIGNATURE);
        verifierAt(SPEC_TIMESTAMP, SPEC_SECRET).verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE,
                SPEC_BODY);
    }

    @Test
    void agreesWithAnIndependentHmacOverIdTimestampAndBody() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();
        byte[] key = Base64.getDecoder().decode(secret.reveal().substring("whsec_".length()));
        byte[] body = "{\"type\":\"file.created\",\"data\":{\"path\":\"Mÿ Files/ü.txt\"}}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal(("evt_1.1700000000." + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8)));
        assertThat(StandardWebhookSigner.sign("evt_1", 1700000000, body, secret)).isEqualTo(expected);
    }

    @Test
    void theTimestampMayBeOffByTheToleranceEitherWayAndNoMore() {
        long now = 1_700_000_000;
        WebhookSecret secret = WebhookSecret.generate();
        for (long offset : new long[] { -300, 300 }) {
            String header = StandardWebhookSigner.signatureHeader("id" + offset, now + offset, SPEC_BODY, List.of(secret));
            verifierAt(now, secret).verify("id" + offset, Long.toString(now + offset), header, SPEC_BODY);
        }
        for (long offset : new long[] { -301, 301 }) {
            String header = StandardWebhookSigner.signatureHeader("late", now + offset, SPEC_BODY, List.of(secret));
            assertThatThrownBy(() -> verifierAt(now, secret).verify("late", Long.toString(now + offset), header,
                    SPEC_BODY)).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining((offset < 0) ? "too old" : "in the future");
        }
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();
        Instant until = Instant.ofEpochSecond(SPEC_TIMESTAMP + 60);
        WebhookEndpoint endpoint = new WebhookEndpoint("rotating", java.net.URI.create("https://hooks.example.com"),
                current, previous, until, EventFilter.ALL);
        List<WebhookSecret> signing = endpoint.signingSecrets(Instant.ofEpochSecond(SPEC_TIMESTAMP));
        assertThat(signing).containsExactly(current, previous);
        String header = StandardWebhookSigner.signatureHeader("rot1", SPEC_TIMESTAMP, SPEC_BODY, signing);
        assertThat(header.split(" ")).hasSize(2);
        verifierAt(SPEC_TIMESTAMP, previous).verify("rot1", Long.toString(SPEC_TIMESTAMP), header, SPEC_BODY);
        verifierAt(SPEC_TIMESTAMP, current).verify("rot1", Long.toString(SPEC_TIMESTAMP), header, SPEC_BODY);
        assertThat(endpoint.signingSecrets(until)).containsExactly(current);
    }

    @Test
    void aTamperedBodyAWrongSecretAndAReplayedIdAreRefused() {
        StandardWebhookVerifier verifier = verifierAt(SPEC_TIMESTAMP, SPEC_SECRET);
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, tampered))
            .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("no webhook-signature matches");
        assertThatThrownBy(() -> verifierAt(SPEC_TIMESTAMP, WebhookSecret.generate()).verify(SPEC_ID,
                Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE, SPEC_BODY))
            .isInstanceOf(WebhookVerificationException.class);
        Map<String, String> headers = Map.of("Webhook-Id", SPEC_ID, "Webhook-Timestamp",
                Long.toString(SPEC_TIMESTAMP), "Webhook-Signature", "v1a,ignored " + SPEC_SIGNATURE);
        assertThat(verifier.verify(headers, SPEC_BODY)).isEqualTo(SPEC_ID);
        assertThatThrownBy(() -> verifier.verify(headers, SPEC_BODY)).isInstanceOf(WebhookVerificationException.class)
            .hasMessageContaining("replay");
        assertThatThrownBy(() -> verifier.verify(Map.of(), SPEC_BODY)).hasMessageContaining("webhook-id");
    }

    @Test
    void secretsAreCheckedAndNeverShown() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
            .withMessageContaining("whsec_");
        String tooShort = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse(tooShort))
            .withMessageContaining("holds 23").withMessageNotContaining(tooShort);
        String tooLong = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse(tooLong))
            .withMessageContaining("holds 65");
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("whsec_***not base64***"));
        assertThat(SPEC_SECRET.toString()).doesNotContain("MfKQ9r8");
        assertThat(WebhookSecret.parse(SPEC_SECRET.reveal())).isEqualTo(SPEC_SECRET);
    }

    private static StandardWebhookVerifier verifierAt(long epochSecond, WebhookSecret secret) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
        return new StandardWebhookVerifier(List.of(secret), Duration.ofMinutes(5), clock,
                SeenWebhookIds.inMemory(Duration.ofMinutes(10), 1000, clock));
    }
}
