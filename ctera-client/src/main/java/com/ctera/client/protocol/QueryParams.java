package com.ctera.client.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The parameter of a paged query ({@code db query}, {@code queryLogs}, {@code getPortalsDisplayInfo}...):
 * {@code startFrom} and {@code countLimit} first, then the other attributes in the order they were set, exactly as
 * the SDK writes them. Immutable; {@link #withStartFrom(int)} gives the parameter of another page.
 */
public final class QueryParams {

    /** The SDK's page size. */
    public static final int DEFAULT_COUNT_LIMIT = 50;

    private static final Set<String> RESERVED = Set.of("startFrom", "countLimit", "filters");

    private final @Nullable String className;

    private final int startFrom;

    private final int countLimit;

    private final Map<String, XmlValue> attributes;

    private QueryParams(@Nullable String className, int startFrom, int countLimit, Map<String, XmlValue> attributes) {
        this.className = className;
        this.startFrom = startFrom;
        this.countLimit = countLimit;
        this.attributes = attributes;
    }

    /** A builder starting at {@code startFrom=0}, {@code countLimit=50}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The index of the first item of the page. */
    public int startFrom() {
        return this.startFrom;
    }

    /** The page size. */
    public int countLimit() {
        return this.countLimit;
    }

    /** The same query for the page starting at the given index. */
    public QueryParams withStartFrom(int startFrom) {
        return new QueryParams(this.className, requireNotNegative("startFrom", startFrom), this.countLimit,
                this.attributes);
    }

    /** The {@code param} object of the call envelope. */
    public XmlObject toXml() {
        XmlObject.Builder builder = (this.className != null) ? XmlObject.builder(this.className) : XmlObject.builder();
        builder.put("startFrom", this.startFrom).put("countLimit", this.countLimit);
        this.attributes.forEach(builder::put);
        return builder.build();
    }

    @Override
    public String toString() {
        return "QueryParams" + toXml().attributes().keySet() + "[startFrom=" + this.startFrom + ", countLimit="
                + this.countLimit + "]";
    }

    private static int requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /** Builds {@link QueryParams}; setting an attribute again replaces its value and keeps its place. */
    public static final class Builder {

        private @Nullable String className;

        private int startFrom;

        private int countLimit = DEFAULT_COUNT_LIMIT;

        // "filters" holds a placeholder from the first filter on, so the list is written where it was started.
        private final LinkedHashMap<String, XmlValue> attributes = new LinkedHashMap<>();

        private final List<XmlValue> filters = new ArrayList<>();

        private Builder() {
        }

        /** Writes {@code class="..."} on the parameter object (the SDK's {@code include_classname()}). */
        public Builder className(String className) {
            this.className = Objects.requireNonNull(className, "className");
            return this;
        }

        /** The index of the first item (default 0). */
        public Builder startFrom(int startFrom) {
            this.startFrom = requireNotNegative("startFrom", startFrom);
            return this;
        }

        /** The page size (default 50). */
        public Builder countLimit(int countLimit) {
            if (countLimit < 1) {
                throw new IllegalArgumentException("countLimit must be positive, was " + countLimit);
            }
            this.countLimit = countLimit;
            return this;
        }

        /** The fields to return, as a list of {@code <val>}s (nested fields with {@code .}). */
        public Builder include(String... fields) {
            return include(Arrays.asList(fields));
        }

        /** The fields to return, as a list of {@code <val>}s (nested fields with {@code .}). */
        public Builder include(Collection<String> fields) {
            return attribute("include", XmlList.ofTexts(fields));
        }

        /** Adds a filter to the single {@code filters} list. */
        public Builder filter(Filter filter) {
            this.filters.add(filter.toXml());
            this.attributes.putIfAbsent("filters", XmlNull.INSTANCE);
            return this;
        }

        /** Adds each filter to the single {@code filters} list. */
        public Builder filters(Collection<Filter> filters) {
            filters.forEach(this::filter);
            return this;
        }

        /** Whether several filters are OR-ed (the SDK sets it when users or devices have more than one). */
        public Builder orFilter(boolean orFilter) {
            return attribute("orFilter", XmlText.of(orFilter));
        }

        /** Whether a global administrator queries across all tenants. */
        public Builder allPortals(boolean allPortals) {
            return attribute("allPortals", XmlText.of(allPortals));
        }

        /** Only objects owned by the user with this uid. */
        public Builder ownedBy(long ownerUid) {
            return attribute("ownedBy", XmlText.of(ownerUid));
        }

        /** The sort field, passed through as the portal expects it. */
        public Builder sortBy(String sortBy) {
            return attribute("sortBy", XmlText.of(sortBy));
        }

        /** Any other attribute ({@code topic}, {@code isTrashcan}...); {@code null} writes the null attribute. */
        public Builder put(String name, @Nullable XmlValue value) {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' has its own builder method");
            }
            return attribute(name, (value != null) ? value : XmlNull.INSTANCE);
        }

        /** Any other text attribute; {@code null} writes the null attribute. */
        public Builder put(String name, @Nullable String value) {
            return put(name, (value != null) ? XmlText.of(value) : null);
        }

        /** Any other boolean attribute. */
        public Builder put(String name, boolean value) {
            return put(name, XmlText.of(value));
        }

        /** The parameter; the builder stays usable. */
        public QueryParams build() {
            Map<String, XmlValue> built = new LinkedHashMap<>(this.attributes);
            if (!this.filters.isEmpty()) {
                built.put("filters", new XmlList(this.filters));
            }
            return new QueryParams(this.className, this.startFrom, this.countLimit,
                    Collections.unmodifiableMap(built));
        }

        private Builder attribute(String name, XmlValue value) {
            this.attributes.put(name, value);
            return this;
        }
    }
}
