package com.ctera.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** The devices area (protocol §5.2): query and get-multi. */
final class DeviceApi {

    private final SimulatorState state;

    DeviceApi(SimulatorState state) {
        this.state = state;
    }

    PortalAnswer query(ApiCall call) {
        QueryParams params = QueryParams.from(call.payload());
        Session caller = call.caller();
        List<Tenant> tenants = new ArrayList<>();
        if (params.allPortals() && caller.context() == PortalContext.ADMIN) {
            tenants.addAll(this.state.tenants());
            tenants.sort(Comparator.comparing(Tenant::name));
        }
        else {
            tenants.add(this.state.requireTenant(caller.effectiveTenant(this.state.defaultTenant())));
        }
        List<DeviceRecord> devices = new ArrayList<>();
        for (Tenant tenant : tenants) {
            for (DeviceRecord device : tenant.devices().values()) {
                if (params.ownedBy() == null || params.ownedBy() == tenant.ownerUid(device.owner())) {
                    devices.add(device);
                }
            }
        }
        QueryPage<DeviceRecord> page = QueryPage.of(devices, params, device -> fields(device));
        return page.answer(params, device -> PortalObjects.device(device, tenantOf(device), call.origin()));
    }

    PortalAnswer getMulti(ApiCall call) {
        String tenantName = call.variable("tenant");
        Session caller = call.caller();
        boolean visible = caller.context() == PortalContext.ADMIN || tenantName.equals(caller.currentTenant());
        Tenant tenant = visible ? this.state.tenant(tenantName) : null;
        DeviceRecord device = (tenant != null) ? tenant.devices().get(call.variable("name")) : null;
        return GetMulti.answer(call.payload(),
                (device != null) ? PortalObjects.device(device, tenant, call.origin()) : null);
    }

    private Tenant tenantOf(DeviceRecord device) {
        return this.state.requireTenant(device.tenant());
    }

    private Function<String, @Nullable String> fields(DeviceRecord device) {
        Tenant tenant = tenantOf(device);
        return field -> switch (field) {
            case "deviceConnectionStatus.connected", "connected" -> Boolean.toString(device.connected());
            case "deviceConnectionStatus.updateTime" -> device.updateTime();
            default -> device.attribute(field, tenant.uid(), tenant.ownerUid(device.owner()));
        };
    }
}
