package com.ctera.autoconfigure.webhooks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import com.ctera.autoconfigure.actuate.CteraEndpoint;
import com.ctera.autoconfigure.actuate.CteraEndpointContributor;
import com.ctera.client.webhooks.WebhookManager;
import com.ctera.client.webhooks.WebhookOutbox;

/**
 * The {@code webhooks} section in {@code /actuator/ctera}: every registration's state, backlog per delivery status
 * and last error. Endpoints take events of every portal, so each portal shows the same section. Over HTTP it also
 * adds {@code POST /actuator/ctera/webhooks/{endpoint}/replay}, which sends an endpoint's dead deliveries again: it
 * exists only where the {@code ctera} endpoint is exposed, and {@code management.endpoint.ctera.access=read-only}
 * keeps the endpoint to reads.
 */
@EndpointWebExtension(endpoint = CteraEndpoint.class)
public final class CteraWebhooksEndpointContributor implements CteraEndpointContributor {

    private static final String SECTION = "webhooks";

    private static final String REPLAY = "replay";

    private final WebhookManager manager;

    private final WebhookOutbox outbox;

    CteraWebhooksEndpointContributor(WebhookManager manager, WebhookOutbox outbox) {
        this.manager = manager;
        this.outbox = outbox;
    }

    @Override
    public String section() {
        return SECTION;
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
                .forEach((status, count) -> deliveries.put(status.name().toLowerCase(Locale.ROOT), count));
            entry.put("deliveries", deliveries);
            entry.put("lastError", registration.lastError());
            section.put(registration.name(), entry);
        }
        return section;
    }

    /**
     * {@code POST /actuator/ctera/webhooks/{endpoint}/replay}: the endpoint's dead deliveries become due again.
     * @return 200 with how many were replayed; 404 for another path or an endpoint that is not registered
     */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> replay(@Selector String section, @Selector String endpoint,
            @Selector String action) {
        if (!SECTION.equals(section) || !REPLAY.equals(action) || this.manager.target(endpoint).isEmpty()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", "POST /actuator/ctera/webhooks/{endpoint}/replay with a registered endpoint; "
                    + "registered: " + this.manager.list().stream().map(WebhookManager.WebhookRegistration::name)
                        .toList());
            return new WebEndpointResponse<>(error, WebEndpointResponse.STATUS_NOT_FOUND);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("endpoint", endpoint);
        answer.put("replayed", this.manager.replayDead(endpoint));
        return new WebEndpointResponse<>(answer, WebEndpointResponse.STATUS_OK);
    }
}
