package com.ctera.client.webhooks;

/** A webhook URL the SSRF guard refuses: wrong scheme, credentials in it, or an address inside the network. */
public final class WebhookRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WebhookRefusedException(String message) {
        super(message);
    }
}
