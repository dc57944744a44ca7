package com.ctera.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.ctera.simulator.xml.XmlList;
import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlText;
import com.ctera.simulator.xml.XmlValue;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code QueryParams} object (protocol §4.1): paging, the include set (null = every attribute), filters
 * combined with AND, or OR when {@code orFilter} is true, and the device options {@code allPortals} and
 * {@code ownedBy}.
 */
record QueryParams(int startFrom, int countLimit, @Nullable Set<String> include, List<QueryFilter> filters,
        boolean orFilter, boolean allPortals, @Nullable Long ownedBy) {

    static final int DEFAULT_COUNT_LIMIT = 50;

    static QueryParams from(@Nullable XmlValue param) {
        if (!(param instanceof XmlObj obj)) {
            throw new BadRequestException("The query parameter must be a QueryParams object");
        }
        int startFrom = intAttribute(obj, "startFrom", 0);
        int countLimit = intAttribute(obj, "countLimit", DEFAULT_COUNT_LIMIT);
        if (startFrom < 0 || countLimit < 0) {
            throw new BadRequestException("startFrom and countLimit must not be negative");
        }
        Set<String> include = null;
        if (obj.get("include") instanceof XmlList list) {
            include = new LinkedHashSet<>();
            for (XmlValue item : list.items()) {
                if (item instanceof XmlText text) {
                    include.add(text.text());
                }
            }
        }
        List<QueryFilter> filters = new ArrayList<>();
        if (obj.get("filters") instanceof XmlList list) {
            for (XmlValue item : list.items()) {
                if (!(item instanceof XmlObj filter)) {
                    throw new BadRequestException("A filter must be an object");
                }
                filters.add(QueryFilter.from(filter));
            }
        }
        boolean orFilter = Boolean.parseBoolean(obj.text("orFilter").orElse("false").trim());
        boolean allPortals = Boolean.parseBoolean(obj.text("allPortals").orElse("false").trim());
        Long ownedBy = obj.text("ownedBy").map(QueryParams::parseLong).orElse(null);
        return new QueryParams(startFrom, countLimit, include, List.copyOf(filters), orFilter, allPortals, ownedBy);
    }

    /** Whether an object passes the filters. */
    boolean matches(Function<String, @Nullable String> fields) {
        if (this.filters.isEmpty()) {
            return true;
        }
        for (QueryFilter filter : this.filters) {
            boolean passed = filter.test(fields);
            if (this.orFilter && passed) {
                return true;
            }
            if (!this.orFilter && !passed) {
                return false;
            }
        }
        return !this.orFilter;
    }

    private static int intAttribute(XmlObj obj, String id, int fallback) {
        return obj.text(id).map(text -> (int) Math.min(Integer.MAX_VALUE, parseLong(text))).orElse(fallback);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new BadRequestException("Not a number: " + text);
        }
    }
}
