package com.ctera.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlText;
import org.jspecify.annotations.Nullable;

/**
 * Login, logout, SSO tickets, tenant browsing and the bootstrap reads (protocol §2): {@code currentSession},
 * {@code currentPortal}, {@code version}, {@code rolesSettings}, {@code publicInfo}.
 */
final class SessionApi {

    private static final String SESSION_COOKIE = "JSESSIONID";

    private final SimulatorState state;
    private final SessionStore sessions;
    private final String portalVersion;
    private final ConcurrentHashMap<String, Session> ssoTickets = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LogStore logs;

    SessionApi(SimulatorState state, SessionStore sessions, String portalVersion, LogStore logs) {
        this.state = state;
        this.sessions = sessions;
        this.portalVersion = portalVersion;
        this.logs = logs;
    }

    PortalAnswer login(ApiCall call) {
        Map<String, String> form = FormBody.parse(call.rawBody());
        String username = form.getOrDefault("j_username", "");
        String password = form.getOrDefault("j_password", "");
        Session session = authenticate(call.context(), call.host(), username, password);
        String portal = (call.context() == PortalContext.ADMIN) ? "" : tenantForHost(call.host()).name();
        if (session == null) {
            this.logs.log(portal, "access", "warning", "LoginFailed", "User " + username + " failed to log in from "
                    + call.clientIp(), username, call.clientIp(), "login", "failure", "Wrong username or password");
            return PortalAnswer.message(403, "Wrong username or password");
        }
        this.logs.log(portal, "access", "info", "Login", "User " + username + " logged in from " + call.clientIp(),
                username, call.clientIp(), "login", "success", null);
        return opened(session, call);
    }

    PortalAnswer logout(ApiCall call) {
        if (call.sessionId() != null) {
            this.sessions.invalidate(call.sessionId());
        }
        return PortalAnswer.empty(200);
    }

    /** {@code getSessionToken}: a one-time ticket a tenant user trades for a session at {@code /ServicesPortal/sso}. */
    PortalAnswer sessionToken(ApiCall call) {
        if (call.caller().context() != PortalContext.ADMIN) {
            return PortalAnswer.message(403, "Only global administrators may issue session tickets");
        }
        if (!(call.payload() instanceof XmlObj param)) {
            throw new BadRequestException("getSessionToken expects {username, portal}");
        }
        String username = param.text("username").orElse("");
        String tenantName = param.text("portal").orElse(this.state.defaultTenant());
        Tenant tenant = this.state.tenant(tenantName);
        UserRecord user = (tenant != null) ? tenant.users().get(username) : null;
        if (user == null) {
            return PortalAnswer.notFound();
        }
        byte[] raw = new byte[16];
        this.random.nextBytes(raw);
        String ticket = HexFormat.of().formatHex(raw);
        this.ssoTickets.put(ticket, new Session(username, user.role(), PortalContext.SERVICES_PORTAL, tenantName));
        return PortalAnswer.ok(new XmlText(ticket));
    }

    PortalAnswer sso(ApiCall call) {
        String ticket = FormBody.parse(call.rawBody()).getOrDefault("ctera_ticket", "");
        Session session = this.ssoTickets.remove(ticket);
        if (session == null || session.context() != call.context()) {
            return PortalAnswer.message(403, "Invalid or expired ticket");
        }
        return opened(session, call);
    }

    PortalAnswer currentSession(ApiCall call) {
        Session caller = call.caller();
        // The SDK keeps this header after an SSO login and sends it on every later request.
        return PortalAnswer.ok(XmlObj.plain()
            .put("username", caller.username())
            .put("role", caller.role())
            .put("domain", (String) null)).withHeader("X-CTERA-TOKEN", caller.webToken());
    }

    PortalAnswer currentPortal(ApiCall call) {
        String tenant = call.caller().currentTenant();
        return PortalAnswer.ok(new XmlText((tenant != null) ? tenant : ""));
    }

    PortalAnswer browse(ApiCall call) {
        Session caller = call.caller();
        if (caller.context() != PortalContext.ADMIN) {
            return PortalAnswer.message(403, "Only global administrators may browse tenants");
        }
        if (!(call.payload() instanceof XmlText value)) {
            throw new BadRequestException("currentPortal expects <val>tenant</val>");
        }
        String tenant = value.text().trim();
        if (tenant.isEmpty()) {
            caller.browse(null);
            return PortalAnswer.empty(200);
        }
        if (this.state.tenant(tenant) == null) {
            return PortalAnswer.notFound();
        }
        caller.browse(tenant);
        return PortalAnswer.empty(200);
    }

    PortalAnswer version(ApiCall call) {
        return PortalAnswer.ok(new XmlText(this.portalVersion));
    }

    PortalAnswer publicInfo(ApiCall call) {
        return PortalAnswer.ok(XmlObj.ofClass("PublicInfo")
            .put("name", "CTERA Portal Simulator")
            .put("version", this.portalVersion)
            .put("defaultPortal", this.state.defaultTenant()));
    }

    PortalAnswer rolesSettings(ApiCall call) {
        XmlObj settings = RoleSettings.of(call.variable("name"));
        return (settings != null) ? PortalAnswer.ok(settings) : PortalAnswer.notFound();
    }

    // HttpOnly keeps the session from page scripts; Secure keeps a TLS session's cookie off plain HTTP.
    private PortalAnswer opened(Session session, ApiCall call) {
        String id = this.sessions.open(session);
        String secure = call.origin().startsWith("https:") ? "; Secure" : "";
        return PortalAnswer.empty(200).withHeader("Set-Cookie", SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly"
                + secure);
    }

    /** The session a login opens, or null when the credentials do not match (or the user is disabled). */
    private @Nullable Session authenticate(PortalContext context, String host, String username, String password) {
        if (context == PortalContext.ADMIN) {
            UserRecord admin = SimulatorState.checkPassword(this.state.globalAdmin(username), password);
            return (admin != null) ? new Session(admin.name(), admin.role(), context, null) : null;
        }
        Tenant tenant = tenantForHost(host);
        UserRecord user = SimulatorState.checkPassword(tenant.users().get(username), password);
        if (user == null || Role.Disabled.name().equals(user.role())) {
            return null;
        }
        return new Session(user.name(), user.role(), context, tenant.name());
    }

    /** A tenant user logs in to the tenant named by the first label of the host, else to the default tenant. */
    private Tenant tenantForHost(String host) {
        int dot = host.indexOf('.');
        if (dot > 0) {
            Tenant named = this.state.tenant(host.substring(0, dot));
            if (named != null) {
                return named;
            }
        }
        return this.state.requireTenant(this.state.defaultTenant());
    }
}
