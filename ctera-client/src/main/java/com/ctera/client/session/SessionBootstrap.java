package com.ctera.client.session;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.PortalContext;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.transport.ApiRequest;
import com.ctera.client.transport.PortalTransport;
import com.ctera.client.transport.RequestAuth;
import com.ctera.client.transport.XmlResponses;

/**
 * The calls that follow a login (protocol §2.1, §2.2): {@code currentSession}, {@code currentPortal},
 * {@code version}, then, in the admin context, browsing the configured tenant.
 */
final class SessionBootstrap {

    private final PortalTransport transport;

    private final @Nullable String tenant;

    SessionBootstrap(PortalTransport transport, @Nullable String tenant) {
        this.transport = transport;
        this.tenant = tenant;
    }

    /** Reads who the session is, browsing the configured tenant first when there is one. */
    Mono<SessionInfo> run(RequestAuth auth) {
        if (this.tenant == null || this.transport.endpoint().context() != PortalContext.ADMIN) {
            return identify(auth);
        }
        byte[] body = this.transport.codec().encode(new XmlText(this.tenant));
        ApiRequest browse = ApiRequest.put(CteraOperation.CURRENT_PORTAL_SET,
                this.transport.endpoint().api("currentPortal"), body);
        return this.transport.exchange(browse, auth, XmlResponses.discard()).then(identify(auth));
    }

    /** Reads who the session is without changing anything. */
    Mono<SessionInfo> identify(RequestAuth auth) {
        Mono<XmlValue> session = get(CteraOperation.CURRENT_SESSION, "currentSession", auth);
        Mono<XmlValue> portal = get(CteraOperation.CURRENT_PORTAL, "currentPortal", auth);
        Mono<XmlValue> version = get(CteraOperation.VERSION, "version", auth);
        return session.zipWith(portal).zipWith(version, (sessionAndPortal, versionValue) -> {
            XmlValue sessionValue = sessionAndPortal.getT1();
            if (!(sessionValue instanceof XmlObject current)) {
                throw new CteraProtocolException(CteraOperation.CURRENT_SESSION.name(), 200,
                        "currentSession failed: the portal answered with no session object", null);
            }
            String username = text(current, "username");
            String role = text(current, "role");
            String tenantName = scalar(sessionAndPortal.getT2());
            return new SessionInfo((username != null) ? username : "", (role != null) ? role : "",
                    (tenantName == null || tenantName.isEmpty()) ? null : tenantName,
                    Objects.requireNonNullElse(scalar(versionValue), ""));
        });
    }

    private Mono<XmlValue> get(CteraOperation operation, String node, RequestAuth auth) {
        return this.transport.exchange(ApiRequest.get(operation, this.transport.endpoint().api(node)), auth,
                XmlResponses.tree(this.transport.codec()));
    }

    private static @Nullable String text(XmlObject object, String attribute) {
        return (object.attributes().get(attribute) instanceof XmlText text) ? text.text() : null;
    }

    private static @Nullable String scalar(XmlValue value) {
        return (value instanceof XmlText text) ? text.text() : null;
    }
}
