package com.ctera.client.observation;

import java.time.Duration;

import com.ctera.client.pipeline.CallEvents;

/** The watcher the observation stage gives the inner stages of one call: it feeds the context and the meters. */
final class CallRecorder implements CallEvents {

    private final CteraRequestContext context;

    private final CallMetrics metrics;

    CallRecorder(CteraRequestContext context, CallMetrics metrics) {
        this.context = context;
        this.metrics = metrics;
    }

    @Override
    public void retrying(int attempt, Throwable cause, Duration backoff) {
        this.context.retried();
    }

    @Override
    public void rateLimited(Duration waited) {
        this.context.rateLimited(waited);
        this.metrics.rateLimited(this.context, waited);
    }

    @Override
    public void loggedIn(boolean renewal) {
        this.context.loggedIn();
        this.metrics.loggedIn(this.context, renewal);
    }

    @Override
    public void transferred(long bytesSent, long bytesReceived) {
        this.context.transferred(bytesSent, bytesReceived);
        this.metrics.transferred(this.context, bytesSent, bytesReceived);
    }
}
