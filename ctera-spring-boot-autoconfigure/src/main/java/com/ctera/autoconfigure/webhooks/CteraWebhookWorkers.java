package com.ctera.autoconfigure.webhooks;

import org.springframework.context.SmartLifecycle;

import com.ctera.client.webhooks.WebhookDispatcher;

/** Starts the delivery workers with the context and stops them after the pollers. */
final class CteraWebhookWorkers implements SmartLifecycle {

    private final WebhookDispatcher dispatcher;

    private volatile boolean running;

    CteraWebhookWorkers(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void start() {
        this.dispatcher.start();
        this.running = true;
    }

    @Override
    public void stop() {
        this.dispatcher.close();
        this.running = false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    // Started before the change-feed pollers and stopped after them: rows they commit find running workers.
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
