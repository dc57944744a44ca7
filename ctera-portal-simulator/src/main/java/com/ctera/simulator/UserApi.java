package com.ctera.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlText;
import org.jspecify.annotations.Nullable;

/** The users area (protocol §5.1): query, get-multi, read, add, modify and delete of local users. */
final class UserApi {

    private final SimulatorState state;
    private final LogStore logs;

    UserApi(SimulatorState state, LogStore logs) {
        this.state = state;
        this.logs = logs;
    }

    PortalAnswer query(ApiCall call) {
        QueryParams params = QueryParams.from(call.payload());
        Tenant tenant = tenantOf(call);
        QueryPage<UserRecord> page = QueryPage.of(tenant.users().values(), params, user -> user::attribute);
        return page.answer(params, PortalObjects::user);
    }

    PortalAnswer getMulti(ApiCall call) {
        UserRecord user = tenantOf(call).users().get(call.variable("name"));
        return GetMulti.answer(call.payload(), (user != null) ? PortalObjects.user(user) : null);
    }

    PortalAnswer read(ApiCall call) {
        UserRecord user = tenantOf(call).users().get(call.variable("name"));
        return (user != null) ? PortalAnswer.ok(PortalObjects.user(user)) : PortalAnswer.notFound();
    }

    PortalAnswer add(ApiCall call) {
        PortalAnswer refused = refuseUnlessAdmin(call);
        if (refused != null) {
            return refused;
        }
        if (!(call.payload() instanceof XmlObj user)) {
            throw new BadRequestException("add expects a PortalUser object");
        }
        String name = user.text("name").map(String::trim).orElse("");
        if (name.isEmpty()) {
            return PortalAnswer.message(400, "User name is required");
        }
        Map<String, @Nullable String> attributes = attributesOf(user, null);
        Tenant tenant = tenantOf(call);
        UserRecord created = this.state.insertUser(tenant, name, user.text("password").orElse(null), attributes);
        if (created == null) {
            return PortalAnswer.message(409, "User " + name + " already exists");
        }
        audit(call, tenant, "UserAdded", "addUser", name);
        return PortalAnswer.ok(new XmlText(PortalObjects.userRef(created)));
    }

    PortalAnswer modify(ApiCall call) {
        PortalAnswer refused = refuseUnlessAdmin(call);
        if (refused != null) {
            return refused;
        }
        if (!(call.payload() instanceof XmlObj body)) {
            throw new BadRequestException("Expected the whole PortalUser object");
        }
        Tenant tenant = tenantOf(call);
        String name = call.variable("name");
        UserRecord current = tenant.users().get(name);
        if (current == null) {
            return PortalAnswer.notFound();
        }
        Map<String, @Nullable String> attributes = attributesOf(body, current);
        String password = body.text("password").filter(text -> !text.isEmpty()).orElse(current.password());
        // Last writer wins, as on a portal; replace() fails only if the user was deleted meanwhile.
        UserRecord updated = current.withAttributes(attributes, password);
        if (tenant.users().replace(name, updated) == null) {
            return PortalAnswer.notFound();
        }
        audit(call, tenant, "UserModified", "modifyUser", name);
        return PortalAnswer.empty(200);
    }

    PortalAnswer delete(ApiCall call) {
        PortalAnswer refused = refuseUnlessAdmin(call);
        if (refused != null) {
            return refused;
        }
        Tenant tenant = tenantOf(call);
        String name = call.variable("name");
        if (tenant.users().remove(name) == null) {
            return PortalAnswer.notFound();
        }
        audit(call, tenant, "UserDeleted", "deleteUser", name);
        return PortalAnswer.empty(200);
    }

    /** User administration is audited: who changed whom, from where. */
    private void audit(ApiCall call, Tenant tenant, String logName, String action, String target) {
        String actor = call.caller().username();
        this.logs.log(tenant.name(), "audit", "info", logName, actor + ": " + action + " " + target, actor,
                call.clientIp(), action, "success", target);
    }

    private Tenant tenantOf(ApiCall call) {
        return this.state.requireTenant(call.caller().effectiveTenant(this.state.defaultTenant()));
    }

    private static @Nullable PortalAnswer refuseUnlessAdmin(ApiCall call) {
        return call.caller().mayChangeUsers() ? null
                : PortalAnswer.message(403, "Only a read/write administrator may change users");
    }

    /** The scalar attributes a client may set, standard fields first; validates the role. */
    private static Map<String, @Nullable String> attributesOf(XmlObj user, @Nullable UserRecord current) {
        Map<String, @Nullable String> attributes = new LinkedHashMap<>();
        for (String field : UserRecord.STANDARD_FIELDS) {
            attributes.put(field, null);
        }
        user.attributes().forEach((field, value) -> {
            if (UserRecord.SERVER_FIELDS.contains(field)) {
                return;
            }
            if (value == null) {
                attributes.put(field, null);
            }
            else if (value instanceof XmlText text) {
                attributes.put(field, text.text());
            }
        });
        String role = attributes.get("role");
        if (role == null) {
            attributes.put("role", (current != null) ? current.role() : Role.EndUser.name());
        }
        else if (Role.parse(role).isEmpty()) {
            throw new BadRequestException("Unknown role: " + role);
        }
        return attributes;
    }
}
