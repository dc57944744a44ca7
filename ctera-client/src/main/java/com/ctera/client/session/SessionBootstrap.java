package com.ctera.client.session;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * The calls that follow a login, as the official SDK sends them (protocol §2.1, §2.2): {@code currentSession},
 * {@code currentPortal} and {@code version} one after another on the new session, then the role's
 * {@code rolesSettings} for the administrator roles the SDK reads them for, and last, in the admin context with a
 * tenant to work in, browsing that tenant ({@code PUT currentPortal}).
 */
final class SessionBootstrap {

    /** The settings node the SDK reads for each administrator role (its {@code RoleResolver}). */
    private static final Map<String, String> ROLE_SETTINGS = Map.of("ReadWriteAdmin", "readWriteAdminSettings",
            "ReadOnlyAdmin", "readOnlyAdminSettings", "Support", "supportAdminSettings");

    private final PortalTransport transport;

    SessionBootstrap(PortalTransport transport) {
        this.transport = transport;
    }

    /** Reads who the session is, then browses {@code tenant} when there is one to browse. */
    Mono<SessionInfo> run(RequestAuth auth, @Nullable String tenant) {
        if (tenant == null || this.transport.endpoint().context() != PortalContext.ADMIN) {
            return identify(auth);
        }
        return identify(auth).flatMap(info -> browse(auth, tenant).thenReturn(info.inTenant(tenant)));
    }

    /**
     * Switches the session to {@code tenant}, or back to global administration for {@code null} or an empty name
     * ({@code <val />}, as the SDK's {@code browse_global_admin}).
     */
    Mono<Void> browse(RequestAuth auth, @Nullable String tenant) {
        return this.transport.exchange(browseRequest(tenant), auth, XmlResponses.discard()).then();
    }

    /** {@code PUT currentPortal} with the tenant's name, or {@code <val />} for global administration. */
    ApiRequest browseRequest(@Nullable String tenant) {
        byte[] body = this.transport.codec().encode(new XmlText((tenant != null) ? tenant : ""));
        return ApiRequest.put(CteraOperation.CURRENT_PORTAL_SET, this.transport.endpoint().api("currentPortal"),
                body);
    }

    /** Reads who the session is without changing anything: one call after the other, as the SDK does. */
    Mono<SessionInfo> identify(RequestAuth auth) {
        return get(CteraOperation.CURRENT_SESSION, auth, "currentSession").flatMap(sessionValue -> {
            if (!(sessionValue instanceof XmlObject current)) {
                return Mono.error(new CteraProtocolException(CteraOperation.CURRENT_SESSION.name(), 200,
                        "currentSession failed: the portal answered with no session object", null));
            }
            String username = Objects.requireNonNullElse(current.text("username"), "");
            String role = Objects.requireNonNullElse(current.text("role"), "");
            return get(CteraOperation.CURRENT_PORTAL, auth, "currentPortal")
                .flatMap(portal -> get(CteraOperation.VERSION, auth, "version").flatMap(version -> {
                    String tenantName = scalar(portal);
                    SessionInfo info = new SessionInfo(username, role,
                            (tenantName == null || tenantName.isEmpty()) ? null : tenantName,
                            Objects.requireNonNullElse(scalar(version), ""), null);
                    return roleSettings(role, auth)
                        .map(settings -> new SessionInfo(info.username(), info.role(), info.tenant(),
                                info.portalVersion(), settings))
                        .defaultIfEmpty(info);
                }));
        });
    }

    private Mono<RoleSettings> roleSettings(String role, RequestAuth auth) {
        String node = ROLE_SETTINGS.get(role);
        if (node == null) {
            return Mono.empty();
        }
        return get(CteraOperation.ROLES_SETTINGS, auth, "rolesSettings", node).map(value -> {
            Map<String, Boolean> permissions = new LinkedHashMap<>();
            String name = role;
            if (value instanceof XmlObject settings) {
                name = Objects.requireNonNullElse(settings.text("name"), role);
                settings.attributes().forEach((key, setting) -> {
                    if (setting instanceof XmlText text && !key.equals("name")) {
                        permissions.put(key, Boolean.parseBoolean(text.text()));
                    }
                });
            }
            return new RoleSettings(name, permissions);
        });
    }

    private Mono<XmlValue> get(CteraOperation operation, RequestAuth auth, String... node) {
        return this.transport.exchange(ApiRequest.get(operation, this.transport.endpoint().api(node)), auth,
                XmlResponses.tree(this.transport.codec()));
    }

    private static @Nullable String scalar(XmlValue value) {
        return (value instanceof XmlText text) ? text.text() : null;
    }
}
