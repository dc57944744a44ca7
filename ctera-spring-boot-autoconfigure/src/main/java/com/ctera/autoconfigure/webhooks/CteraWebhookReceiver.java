package com.ctera.autoconfigure.webhooks;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.CteraEventPublisher;
import com.ctera.client.webhooks.StandardWebhookVerifier;
import com.ctera.client.webhooks.WebhookPayload;
import com.ctera.client.webhooks.WebhookVerificationException;

/**
 * The receiving side of webhooks, independent of the web stack: verifies a message (signature, timestamp, id not seen
 * before) over its raw bytes and publishes its {@link CteraChangeEvent}. A message whose id was already received is
 * answered 200 without being published again, so a sender that lost the first answer stops retrying.
 */
public final class CteraWebhookReceiver {

    private static final Logger logger = LoggerFactory.getLogger(CteraWebhookReceiver.class);

    private final StandardWebhookVerifier verifier;

    private final CteraEventPublisher publisher;

    CteraWebhookReceiver(StandardWebhookVerifier verifier, CteraEventPublisher publisher) {
        this.verifier = verifier;
        this.publisher = publisher;
    }

    /**
     * What to answer.
     * @param status the HTTP status
     * @param message a short reason, never a secret
     */
    public record Answer(int status, String message) {
    }

    /** Handles one received message; {@code header} reads request headers by lower-case name. */
    public Answer receive(Function<String, @Nullable String> header, byte[] body) {
        String id;
        try {
            id = this.verifier.verify(header, body);
        }
        catch (WebhookVerificationException ex) {
            if (ex.replay()) {
                return new Answer(200, "already received");
            }
            logger.debug("Refused a webhook: {}", ex.getMessage());
            return new Answer(401, ex.getMessage());
        }
        CteraChangeEvent event;
        try {
            event = WebhookPayload.read(id, body);
        }
        catch (IllegalArgumentException ex) {
            return new Answer(400, ex.getMessage());
        }
        this.publisher.publish(event);
        return new Answer(204, "");
    }

}
