package com.ctera.client.webhooks;

/** A received webhook was refused: missing headers, a bad or stale signature, or an id seen before. */
public final class WebhookVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean replay;

    public WebhookVerificationException(String message) {
        this(message, false);
    }

    WebhookVerificationException(String message, boolean replay) {
        super(message);
        this.replay = replay;
    }

    /**
     * Whether the message was genuine but its id was already received: a sender retrying after a lost answer, or a
     * replay. Not to be processed again; a receiver may still answer 2xx so the sender stops retrying.
     */
    public boolean replay() {
        return this.replay;
    }
}
