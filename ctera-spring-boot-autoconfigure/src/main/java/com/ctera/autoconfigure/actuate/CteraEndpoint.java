package com.ctera.autoconfigure.actuate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import com.ctera.client.CteraPortal;
import com.ctera.client.session.PortalSession;
import com.ctera.client.session.SessionInfo;

/**
 * {@code /actuator/ctera}: every portal's URL, context, version and session state, plus the sections that features
 * contribute (limiters, breaker, poller, webhooks). Read-only, makes no call to any portal, shows no secret.
 */
@Endpoint(id = "ctera")
public final class CteraEndpoint {

    private final Map<String, CteraPortal> portals;

    private final List<CteraEndpointContributor> contributors;

    /**
     * @param portals the portals by name, in the order to show them
     * @param contributors the features that add a section to each portal
     */
    public CteraEndpoint(Map<String, CteraPortal> portals, List<CteraEndpointContributor> contributors) {
        this.portals = Collections.unmodifiableMap(new LinkedHashMap<>(portals));
        this.contributors = List.copyOf(contributors);
    }

    /** All portals. */
    @ReadOperation
    public PortalsDescriptor portals() {
        Map<String, Map<String, Object>> described = new LinkedHashMap<>();
        this.portals.forEach((name, portal) -> described.put(name, describe(portal)));
        return new PortalsDescriptor(described);
    }

    /** One portal; {@code null} (404) when there is no portal of that name. */
    @ReadOperation
    public @Nullable Map<String, Object> portal(@Selector String name) {
        CteraPortal portal = this.portals.get(name);
        return (portal != null) ? describe(portal) : null;
    }

    private Map<String, Object> describe(CteraPortal portal) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("url", portal.baseUrl().toString());
        entry.put("context", portal.context().configValue());
        PortalSession session = portal.portalSession();
        SessionInfo established = session.established().orElse(null);
        entry.put("version", (established != null) ? established.portalVersion() : null);
        entry.put("session", sessionState(session, established));
        for (CteraEndpointContributor contributor : this.contributors) {
            Map<String, Object> section = contributor.describe(portal.name());
            if (!section.isEmpty()) {
                entry.put(contributor.section(), section);
            }
        }
        return entry;
    }

    private static Map<String, Object> sessionState(PortalSession session, @Nullable SessionInfo established) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", session.usesBearerToken() ? "bearer-token" : (established != null) ? "established" : "none");
        state.put("logins", session.loginCount());
        if (established != null) {
            state.put("role", established.role());
            if (established.tenant() != null) {
                state.put("tenant", established.tenant());
            }
        }
        return state;
    }

    /**
     * The endpoint's answer: each portal's description by name.
     * @param portals the descriptions, in configuration order
     */
    public record PortalsDescriptor(Map<String, Map<String, Object>> portals) implements OperationResponseBody {
    }
}
