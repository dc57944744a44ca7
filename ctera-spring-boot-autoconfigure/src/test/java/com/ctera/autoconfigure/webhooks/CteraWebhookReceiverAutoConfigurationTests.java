package com.ctera.autoconfigure.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;

import com.ctera.autoconfigure.events.EventsTestSupport;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.EventType;
import com.ctera.client.webhooks.StandardWebhookSigner;
import com.ctera.client.webhooks.WebhookPayload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver endpoint: a signed message becomes the same CteraChangeEvent; a tampered body, a stale timestamp and a
 * wrong secret are refused; a replayed id is not published again.
 */
class CteraWebhookReceiverAutoConfigurationTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CteraWebhookReceiverAutoConfiguration.class))
        .withBean(EventsTestSupport.RecordingListener.class)
        .withPropertyValues("ctera.webhooks.receiver.enabled=true", "ctera.webhooks.receiver.path=/in/ctera",
                "ctera.webhooks.receiver.secrets=" + TestReceiver.SECRET.reveal());

    private static final CteraChangeEvent EVENT = new CteraChangeEvent("evt_0123456789abcdef0123456789abcdef", "main",
            EventType.FILE_CREATED, 7, "g-1", "a.txt", "My Files/docs/a.txt", 11L, 1001L,
            Instant.parse("2026-12-05T10:00:00Z"));

    @Test
    void aSignedMessageIsPublishedOnceAndForgeriesAreRefused() {
        this.runner.run(context -> {
            WebTestClient client = WebTestClient
                .bindToRouterFunction(context.getBean("cteraWebhookReceiverRoute", RouterFunction.class)).build();
            EventsTestSupport.RecordingListener listener = context.getBean(EventsTestSupport.RecordingListener.class);
            byte[] body = WebhookPayload.body(EVENT).getBytes(StandardCharsets.UTF_8);
            long now = Instant.now().getEpochSecond();
            String signature = StandardWebhookSigner.signatureHeader(EVENT.id(), now, body,
                    List.of(TestReceiver.SECRET));
            post(client, EVENT.id(), now, signature, body).expectStatus().isNoContent();
            assertThat(listener.changes()).containsExactly(EVENT);

            post(client, EVENT.id(), now, signature, body).expectStatus().isOk();
            assertThat(listener.changes()).hasSize(1);

            byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("a.txt", "b.txt")
                .getBytes(StandardCharsets.UTF_8);
            post(client, "evt_other", now, signature, tampered).expectStatus().isUnauthorized();
            long stale = now - 3600;
            post(client, "evt_stale", stale, StandardWebhookSigner.signatureHeader("evt_stale", stale, body,
                    List.of(TestReceiver.SECRET)), body).expectStatus().isUnauthorized()
                .expectBody(String.class).value(message -> assertThat(message).contains("too old"));
            assertThat(listener.changes()).hasSize(1);
        });
    }

    @Test
    void aReceiverWithoutSecretsStopsStartupNamingTheProperty() {
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraWebhookReceiverAutoConfiguration.class))
            .withPropertyValues("ctera.webhooks.receiver.enabled=true")
            .run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("ctera.webhooks.receiver.secrets"));
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraWebhookReceiverAutoConfiguration.class))
            .withPropertyValues("ctera.webhooks.receiver.enabled=true", "ctera.webhooks.receiver.secrets=whsec_short")
            .run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("ctera.webhooks.receiver.secrets[0]").hasMessageNotContaining("short"));
    }

    private static WebTestClient.ResponseSpec post(WebTestClient client, String id, long timestamp, String signature,
            byte[] body) {
        return client.post().uri("/in/ctera").header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
            .bodyValue(body).exchange();
    }
}
