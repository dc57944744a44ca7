package com.ctera.client.devices;


import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraPage;
import com.ctera.client.protocol.CallEnvelope;
import com.ctera.client.protocol.Filter;
import com.ctera.client.protocol.IncludeList;
import com.ctera.client.protocol.Paging;
import com.ctera.client.protocol.QueryParams;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.session.EncodedEnvelope;
import com.ctera.client.session.PortalCalls;

/** Portal devices in reactive form (protocol §5.2); nothing is sent until subscription. */
public final class ReactiveDevices {

    private final PortalCalls calls;

    /** The get-multi of the default fields, the same for every device: encoded once, not on every call. */
    private final EncodedEnvelope getEnvelope;

    /** Created by {@code CteraPortal}. */
    public ReactiveDevices(PortalCalls calls) {
        this.calls = calls;
        this.getEnvelope = calls.encodeOnce(CallEnvelope.getMulti(
                DeviceQuery.DEFAULT_FIELDS.stream().map(field -> "/" + field).toList()));
    }

    /** Every device of the current tenant, fetched page by page as the subscriber asks for more. */
    public Flux<Device> list() {
        return list(DeviceQuery.all());
    }

    /** The devices matching the query, fetched page by page as the subscriber asks for more. */
    public Flux<Device> list(DeviceQuery query) {
        return Paging.flux(startFrom -> page(query, startFrom), query.pageSize(), listLimit());
    }

    /** One page of the query, starting at the {@code startFrom}-th match. */
    /** The bound of a listing by this area's query operation. */
    Paging.Limit listLimit() {
        return this.calls.listLimit(CteraOperation.DEVICES_QUERY);
    }

    public Mono<CteraPage<Device>> page(DeviceQuery query, int startFrom) {
        if (startFrom < 0) {
            return Mono.error(new IllegalArgumentException("startFrom must not be negative, was " + startFrom));
        }
        return this.calls.post(CteraOperation.DEVICES_QUERY, this.calls.api("devices"),
                CallEnvelope.database("query", queryParams(query, startFrom)),
                (head, body) -> this.calls.codec().decodePage(body, "objects", DeviceMapper::toDevice));
    }

    /**
     * The device with this name in the session's tenant.
     * @throws IllegalStateException (as the Mono's error) in global administration with no tenant browsed
     */
    public Mono<Device> get(String name) {
        return get(name, List.of());
    }

    /**
     * The device with this name in the session's tenant, fetching only the given attributes ({@code name} always;
     * dotted paths such as {@code deviceConnectionStatus.connected} reach into nested objects); an empty list means
     * {@link DeviceQuery#DEFAULT_FIELDS}.
     */
    public Mono<Device> get(String name, List<String> fields) {
        return this.calls.sessionInfo().flatMap(session -> {
            if (session.tenant() == null) {
                return Mono.error(new IllegalStateException("devices.get(name) needs a tenant: the session is in "
                        + "global administration; configure a tenant, browse one, or call get(tenant, name)"));
            }
            return get(session.tenant(), name, fields);
        });
    }

    /** The device with this name in the given tenant; fails with {@link CteraNotFoundException} when missing. */
    public Mono<Device> get(String tenant, String name) {
        return get(tenant, name, this.getEnvelope);
    }

    /**
     * The device with this name in the given tenant, fetching only the given attributes ({@code name} always); an
     * empty list means {@link DeviceQuery#DEFAULT_FIELDS}. Fails with {@link CteraNotFoundException} when missing.
     */
    public Mono<Device> get(String tenant, String name, List<String> fields) {
        if (fields.isEmpty()) {
            return get(tenant, name);
        }
        return Mono.fromCallable(() -> this.calls.encodeOnce(CallEnvelope.getMulti(IncludeList.getMultiPaths(fields))))
                .flatMap(envelope -> get(tenant, name, envelope));
    }

    private Mono<Device> get(String tenant, String name, EncodedEnvelope envelope) {
        return this.calls.post(CteraOperation.DEVICES_GET, this.calls.api("portals", tenant, "devices", name),
                envelope)
                .map(answer -> {
                    // get-multi of a missing device answers with a null name (protocol §3.2).
                    if (!(answer instanceof XmlObject device) || device.text("name") == null) {
                        throw new CteraNotFoundException(CteraOperation.DEVICES_GET.name(), 200,
                                "devices.get failed: no device named '" + name + "' in tenant '" + tenant + "'",
                                null);
                    }
                    return DeviceMapper.toDevice(device);
                });
    }

    private static XmlObject queryParams(DeviceQuery query, int startFrom) {
        QueryParams.Builder params = QueryParams.builder()
                .startFrom(startFrom)
                .countLimit(query.pageSize())
                .include(query.fields())
                .allPortals(query.allPortals());
        for (DeviceQuery.Condition condition : query.conditions()) {
            params.filter(new Filter("StringFilter", condition.field(), condition.restriction(), condition.value()));
        }
        // The SDK OR-s device filters whenever there are several (protocol §4.1).
        if (query.conditions().size() > 1) {
            params.orFilter(true);
        }
        if (query.ownerUid() != null) {
            params.ownedBy(query.ownerUid());
        }
        return params.build().toXml();
    }
}
