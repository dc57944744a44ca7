package com.ctera.client.devices;

import java.util.List;
import java.util.stream.Stream;

import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraPage;
import com.ctera.client.protocol.Paging;

/** Portal devices (protocol §5.2), blocking; every method delegates to {@link ReactiveDevices}. */
public final class Devices {

    private final ReactiveDevices reactive;

    /** Created by {@code CteraPortal}. */
    public Devices(ReactiveDevices reactive) {
        this.reactive = reactive;
    }

    /** Every device of the current tenant; pages are fetched lazily as the stream is consumed. */
    public Stream<Device> list() {
        return list(DeviceQuery.all());
    }

    /** The devices matching the query; pages are fetched lazily as the stream is consumed. */
    public Stream<Device> list(DeviceQuery query) {
        return Paging.stream(startFrom -> page(query, startFrom), query.pageSize(), this.reactive.listLimit());
    }

    /** One page of the query, starting at the {@code startFrom}-th match. */
    public CteraPage<Device> page(DeviceQuery query, int startFrom) {
        return this.reactive.page(query, startFrom).block();
    }

    /**
     * The device with this name in the session's tenant.
     * @throws CteraNotFoundException when there is none
     * @throws IllegalStateException in global administration with no tenant browsed
     */
    public Device get(String name) {
        return this.reactive.get(name).block();
    }

    /**
     * The device with this name in the given tenant.
     * @throws CteraNotFoundException when there is none
     */
    public Device get(String tenant, String name) {
        return this.reactive.get(tenant, name).block();
    }

    /**
     * The device with this name in the session's tenant, fetching only the given attributes ({@code name} always);
     * an empty list means {@link DeviceQuery#DEFAULT_FIELDS}.
     * @throws CteraNotFoundException when there is none
     */
    public Device get(String name, List<String> fields) {
        return this.reactive.get(name, fields).block();
    }

    /**
     * The device with this name in the given tenant, fetching only the given attributes ({@code name} always).
     * @throws CteraNotFoundException when there is none
     */
    public Device get(String tenant, String name, List<String> fields) {
        return this.reactive.get(tenant, name, fields).block();
    }
}
