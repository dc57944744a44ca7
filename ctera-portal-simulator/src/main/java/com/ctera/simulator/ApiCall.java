package com.ctera.simulator;

import java.util.Map;

import com.ctera.simulator.xml.XmlValue;
import org.jspecify.annotations.Nullable;

/**
 * One classified request as a handler sees it.
 *
 * @param context the URL context
 * @param session the authenticated caller ({@code null} on public routes)
 * @param sessionId the JSESSIONID the request carried, if any
 * @param variables the path variables of the matched route
 * @param payload the envelope's {@code param} for POST calls, the body for PUT calls
 * @param rawBody the request body as received (forms)
 * @param origin {@code scheme://host:port} as the client addressed the simulator
 * @param host the Host header without port
 * @param clientIp the caller's address as logs record it ({@code X-Forwarded-For} first, else the peer)
 */
record ApiCall(PortalContext context, @Nullable Session session, @Nullable String sessionId,
        Map<String, String> variables, @Nullable XmlValue payload, byte[] rawBody, String origin, String host,
        String clientIp) {

    /** The caller of an authenticated route. */
    Session caller() {
        if (this.session == null) {
            throw new IllegalStateException("No session on a public route");
        }
        return this.session;
    }

    String variable(String name) {
        String value = this.variables.get(name);
        if (value == null) {
            throw new IllegalStateException("No path variable " + name);
        }
        return value;
    }
}
