package com.ctera.autoconfigure.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.ctera.autoconfigure.actuate.CteraEndpointContributor;
import com.ctera.client.webhooks.WebhookManager;
import com.ctera.client.webhooks.WebhookOutbox;

/**
 * The {@code webhooks} section in {@code /actuator/ctera}: every registration's state, backlog per delivery status
 * and last error. Endpoints take events of every portal, so each portal shows the same section.
 */
final class CteraWebhooksEndpointContributor implements CteraEndpointContributor {

    private final WebhookManager manager;

    private final WebhookOutbox outbox;

    CteraWebhooksEndpointContributor(WebhookManager manager, WebhookOutbox outbox) {
        this.manager = manager;
        this.outbox = outbox;
    }

    @Override
    public String section() {
        return "webhooks";
    }

    @Override
    public Map<String, Object> describe(String portalName) {
        Map<String, Map<WebhookOutbox.Status, Long>> counts = this.outbox.counts();
        Map<String, Object> section = new LinkedHashMap<>();
        for (WebhookManager.WebhookRegistration registration : this.manager.list()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("target", (registration.url() != null) ? registration.url() : "in-process handler");
            entry.put("state", registration.enabled() ? "enabled" : "disabled");
            if (registration.disabledReason() != null) {
                entry.put("disabledReason", registration.disabledReason());
            }
            Map<String, Long> deliveries = new LinkedHashMap<>();
            counts.getOrDefault(registration.name(), Map.of())
                .forEach((status, count) -> deliveries.put(status.name().toLowerCase(java.util.Locale.ROOT), count));
            entry.put("deliveries", deliveries);
            entry.put("lastError", registration.lastError());
            section.put(registration.name(), entry);
        }
        return section;
    }
}
