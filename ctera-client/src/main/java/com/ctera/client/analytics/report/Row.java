package com.ctera.client.analytics.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One row of a report: named values in column order. Values are text, numbers, booleans, times or null. */
public final class Row {

    private final Map<String, @Nullable Object> values;

    private Row(Map<String, @Nullable Object> values) {
        this.values = values;
    }

    /** A row of these values, in the map's order (the map is not copied: build it for the row). */
    public static Row of(Map<String, @Nullable Object> values) {
        return new Row(values);
    }

    /** A row to fill with {@link #put}. */
    public static Row empty() {
        return new Row(new LinkedHashMap<>());
    }

    /** Sets a value; returns this row. */
    public Row put(String name, @Nullable Object value) {
        this.values.put(name, value);
        return this;
    }

    /** The value of a column, or {@code null}. */
    public @Nullable Object get(String name) {
        return this.values.get(name);
    }

    /** The value as a number: a number, or text that parses as one; otherwise {@code null}. */
    public @Nullable Double number(String name) {
        Object value = this.values.get(name);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Double.parseDouble(text.trim());
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    /** The columns and values, in order. */
    public Map<String, @Nullable Object> values() {
        return Collections.unmodifiableMap(this.values);
    }

    @Override
    public String toString() {
        return this.values.toString();
    }
}
