package com.ctera.client.webhooks;

/** A received webhook was refused: missing headers, a bad or stale signature, or an id seen before. */
public final class WebhookVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String message) {
        super(message);
    }
}
