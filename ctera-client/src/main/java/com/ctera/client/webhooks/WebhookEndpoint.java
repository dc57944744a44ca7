package com.ctera.client.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.ctera.client.events.EventFilter;

/**
 * An HTTP receiver of signed webhooks.
 * @param name unique name (the outbox rows and metrics use it)
 * @param url where messages are POSTed
 * @param secret the signing secret
 * @param previousSecret during a rotation, the old secret, signing alongside the new one
 * @param previousSecretUntil when the old secret stops signing
 * @param filter which events the endpoint gets
 */
public record WebhookEndpoint(String name, URI url, WebhookSecret secret, @Nullable WebhookSecret previousSecret,
        @Nullable Instant previousSecretUntil, EventFilter filter) {

    public WebhookEndpoint {
        if (name.isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("a webhook endpoint name must be 1 to 128 characters");
        }
        if (previousSecret != null && previousSecretUntil == null) {
            throw new IllegalArgumentException("webhook endpoint '" + name + "': a previous secret needs the time "
                    + "it stops signing");
        }
    }

    /** An endpoint with one secret. */
    public static WebhookEndpoint of(String name, URI url, WebhookSecret secret, EventFilter filter) {
        return new WebhookEndpoint(name, url, secret, null, null, filter);
    }

    /** The secrets that sign at {@code now}: the current one, and the previous one until its window closes. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(this.secret);
        if (this.previousSecret != null && this.previousSecretUntil != null && now.isBefore(this.previousSecretUntil)) {
            secrets.add(this.previousSecret);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[name=" + this.name + ", url=" + this.url + ", filter=" + this.filter + "]";
    }
}
