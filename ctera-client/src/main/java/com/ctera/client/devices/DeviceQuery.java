package com.ctera.client.devices;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which devices to list (protocol §5.2): type and name conditions, which the portal OR-s together as the SDK sends
 * them, across all tenants or the current one, optionally only those of one owner.
 */
public final class DeviceQuery {

    /** Gateway device types. */
    public static final List<String> GATEWAY_TYPES = List.of("CloudPlug", "C200", "C400", "C800", "C800P",
            "vGateway");

    /** Attributes included when the query names none. */
    public static final List<String> DEFAULT_FIELDS = List.of("name", "portal", "deviceType", "version",
            "remoteAccessUrl", "deviceConnectionStatus", "owner", "uid");

    /** The portal's own page size. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    private final List<Condition> conditions;

    private final boolean allPortals;

    private final @Nullable Long ownerUid;

    private final List<String> fields;

    private final int pageSize;

    private DeviceQuery(Builder builder) {
        this.conditions = List.copyOf(builder.conditions);
        this.allPortals = builder.allPortals;
        this.ownerUid = builder.ownerUid;
        Set<String> fields = new LinkedHashSet<>(builder.fields.isEmpty() ? DEFAULT_FIELDS : builder.fields);
        fields.add("name");
        this.fields = List.copyOf(fields);
        this.pageSize = builder.pageSize;
    }

    /** Every device of the current tenant. */
    public static DeviceQuery all() {
        return builder().build();
    }

    /** Starts a query. */
    public static Builder builder() {
        return new Builder();
    }

    /** The conditions; a device matches when any holds. */
    public List<Condition> conditions() {
        return this.conditions;
    }

    /** Whether to list the devices of every tenant (global administration only). */
    public boolean allPortals() {
        return this.allPortals;
    }

    /** Only devices owned by the user with this uid, or {@code null} for any owner. */
    public @Nullable Long ownerUid() {
        return this.ownerUid;
    }

    /** The attributes to include; always contains {@code name}. */
    public List<String> fields() {
        return this.fields;
    }

    /** Devices per page. */
    public int pageSize() {
        return this.pageSize;
    }

    @Override
    public String toString() {
        return "DeviceQuery[conditions=" + this.conditions + ", allPortals=" + this.allPortals + ", ownerUid="
                + this.ownerUid + ", fields=" + this.fields + ", pageSize=" + this.pageSize + "]";
    }

    /**
     * One condition on a device attribute.
     * @param field {@code deviceType} or {@code name}
     * @param restriction {@code eq} or {@code like}
     * @param value the value compared with
     */
    public record Condition(String field, String restriction, String value) {
    }

    /** Collects a {@link DeviceQuery}. */
    public static final class Builder {

        private final List<Condition> conditions = new ArrayList<>();

        private boolean allPortals;

        private @Nullable Long ownerUid;

        private final List<String> fields = new ArrayList<>();

        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        /** Gateways: {@link DeviceQuery#GATEWAY_TYPES}. */
        public Builder gateways() {
            return types(GATEWAY_TYPES.toArray(String[]::new));
        }

        /** Agents: any type containing {@code Agent} (server and workstation agents). */
        public Builder agents() {
            this.conditions.add(new Condition("deviceType", "like", "Agent"));
            return this;
        }

        /** Devices of exactly these types, such as {@code vGateway} or {@code Server Agent}. */
        public Builder types(String... types) {
            for (String type : types) {
                this.conditions.add(new Condition("deviceType", "eq", type));
            }
            return this;
        }

        /** Devices with these names. */
        public Builder names(String... names) {
            for (String name : names) {
                this.conditions.add(new Condition("name", "eq", name));
            }
            return this;
        }

        /** List the devices of every tenant (global administration only); default false. */
        public Builder allPortals(boolean allPortals) {
            this.allPortals = allPortals;
            return this;
        }

        /** Only devices owned by the user with this uid. */
        public Builder ownedBy(long ownerUid) {
            this.ownerUid = ownerUid;
            return this;
        }

        /** The attributes to fetch, instead of {@link DeviceQuery#DEFAULT_FIELDS}; {@code name} is always added. */
        public Builder include(String... fields) {
            this.fields.addAll(List.of(fields));
            return this;
        }

        /** Devices per page, 1 to 1000; default 50. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("pageSize must be between 1 and 1000, was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /** The query. */
        public DeviceQuery build() {
            return new DeviceQuery(this);
        }
    }
}
