package com.ctera.autoconfigure.webhooks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.ctera.client.webhooks.DeliveryListener;
import com.ctera.client.webhooks.WebhookOutbox;

/**
 * {@code ctera.webhooks.*} per endpoint: delivered, retried, dead, disabled counters, the latency from commit to
 * delivery, and the backlog (rows not yet delivered, read from the outbox at most once per second).
 */
final class WebhookMetrics implements DeliveryListener {

    private static final long BACKLOG_TTL_MILLIS = 1000;

    private final MeterRegistry registry;

    private final WebhookOutbox outbox;

    private final AtomicReference<Snapshot> backlog = new AtomicReference<>(new Snapshot(0, Map.of()));

    WebhookMetrics(MeterRegistry registry, WebhookOutbox outbox, Iterable<String> endpoints) {
        this.registry = registry;
        this.outbox = outbox;
        endpoints.forEach(this::bindBacklog);
    }

    void bindBacklog(String endpoint) {
        Gauge.builder("ctera.webhooks.backlog", this, metrics -> metrics.backlog(endpoint))
            .description("Deliveries waiting or in flight").tag("endpoint", endpoint).register(this.registry);
    }

    private double backlog(String endpoint) {
        Snapshot current = this.backlog.get();
        long now = System.currentTimeMillis();
        if (now - current.takenAt() > BACKLOG_TTL_MILLIS) {
            try {
                current = new Snapshot(now, this.outbox.counts());
            }
            catch (RuntimeException ex) {
                current = new Snapshot(now, current.counts());
            }
            this.backlog.set(current);
        }
        Map<WebhookOutbox.Status, Long> counts = current.counts().getOrDefault(endpoint, Map.of());
        return counts.getOrDefault(WebhookOutbox.Status.PENDING, 0L)
                + counts.getOrDefault(WebhookOutbox.Status.IN_FLIGHT, 0L);
    }

    @Override
    public void delivered(String endpoint, Duration latency) {
        this.registry.counter("ctera.webhooks.delivered", "endpoint", endpoint).increment();
        Timer.builder("ctera.webhooks.latency").description("From the event's commit to its delivery")
            .tag("endpoint", endpoint).register(this.registry).record(latency);
    }

    @Override
    public void retried(String endpoint, int status) {
        this.registry.counter("ctera.webhooks.retried", "endpoint", endpoint, "status", Integer.toString(status))
            .increment();
    }

    @Override
    public void dead(String endpoint) {
        this.registry.counter("ctera.webhooks.dead", "endpoint", endpoint).increment();
    }

    @Override
    public void disabled(String endpoint, String reason) {
        this.registry.counter("ctera.webhooks.disabled", "endpoint", endpoint).increment();
    }

    private record Snapshot(long takenAt, Map<String, Map<WebhookOutbox.Status, Long>> counts) {
    }
}
