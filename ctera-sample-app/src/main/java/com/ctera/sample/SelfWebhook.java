package com.ctera.sample;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.ctera.client.events.EventFilter;
import com.ctera.client.webhooks.WebhookEndpoint;
import com.ctera.client.webhooks.WebhookManager;
import com.ctera.client.webhooks.WebhookSecret;

/**
 * Registers this app's own receiver ({@code /ctera/webhooks}) as a webhook endpoint once the server's port is known:
 * the run-time form of {@code ctera.webhooks.endpoints.<name>}.
 */
@Component
public class SelfWebhook {

    private final WebhookManager webhooks;

    private final WebhookSecret secret;

    SelfWebhook(WebhookManager webhooks, @Value("${sample.webhook-secret}") String secret) {
        this.webhooks = webhooks;
        this.secret = WebhookSecret.parse(secret);
    }

    @EventListener
    void register(WebServerInitializedEvent event) {
        URI receiver = URI.create("http://localhost:" + event.getWebServer().getPort() + "/ctera/webhooks");
        this.webhooks.register(WebhookEndpoint.of("self", receiver, this.secret, EventFilter.ALL));
    }
}
