package com.ctera.client.webhooks;

/**
 * An in-process target of webhook deliveries: gets the same durable, retried messages an HTTP endpoint gets. Throwing
 * counts as a failed attempt.
 */
@FunctionalInterface
public interface WebhookHandler {

    /** Handles one delivery; called again (same id) after a failure. */
    void handle(WebhookMessage message) throws Exception;
}
