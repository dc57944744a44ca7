package com.ctera.autoconfigure.events;

import java.util.LinkedHashMap;
import java.util.Map;

import com.ctera.autoconfigure.actuate.CteraEndpointContributor;
import com.ctera.client.events.PollerStatus;

/** The {@code events} section of a portal in {@code /actuator/ctera}: cursor, lag, lease holder, counts. */
final class CteraEventsEndpointContributor implements CteraEndpointContributor {

    private final CteraEventPollers pollers;

    CteraEventsEndpointContributor(CteraEventPollers pollers) {
        this.pollers = pollers;
    }

    @Override
    public String section() {
        return "events";
    }

    @Override
    public Map<String, Object> describe(String portalName) {
        return this.pollers.poller(portalName).map(poller -> describe(poller.status())).orElse(Map.of());
    }

    private static Map<String, Object> describe(PollerStatus status) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("running", status.running());
        section.put("leaseHolder", status.leaseHolder());
        section.put("holdsLease", status.holdsLease());
        section.put("cursor", status.cursor());
        section.put("batches", status.batches());
        section.put("lastBatchAt", (status.lastBatchAt() != null) ? status.lastBatchAt().toString() : null);
        section.put("lagMillis", status.lagMillis());
        Map<String, Long> published = new LinkedHashMap<>();
        status.published().forEach((type, count) -> published.put(type.wireName(), count));
        section.put("published", published);
        section.put("pendingPublications", status.pendingPublications());
        section.put("failures", status.failures());
        section.put("resyncs", status.resyncs());
        section.put("ancestorCalls", status.ancestorCalls());
        section.put("lastError", status.lastError());
        return section;
    }
}
