package com.ctera.simulator;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import com.ctera.simulator.xml.XmlObj;
import org.jspecify.annotations.Nullable;

/**
 * One query filter ({@code StringFilter}, {@code IntFilter}, {@code BooleanFilter}, {@code DateTimeFilter},
 * {@code RefFilter} and their {@code *RefFilter} forms): compares one field of an object with a value.
 */
record QueryFilter(String kind, String field, String restriction, @Nullable String value) {

    private static final java.util.Set<String> RESTRICTIONS =
            java.util.Set.of("like", "notLike", "eq", "ne", "ge", "gt", "le", "lt");

    static QueryFilter from(XmlObj filter) {
        String kind = (filter.className() != null) ? filter.className() : "StringFilter";
        String field = filter.text("field").orElseThrow(() -> new BadRequestException("A filter has no field"));
        String restriction = filter.text("restriction")
            .orElseThrow(() -> new BadRequestException("A filter has no restriction"));
        if (!RESTRICTIONS.contains(restriction)) {
            throw new BadRequestException("Unknown filter restriction: " + restriction);
        }
        return new QueryFilter(kind, field, restriction, filter.text("value").orElse(null));
    }

    /** Whether the object whose fields {@code fields} looks up passes this filter. */
    boolean test(Function<String, @Nullable String> fields) {
        String actual = fields.apply(this.field);
        if (actual == null || this.value == null) {
            boolean bothNull = actual == null && this.value == null;
            return switch (this.restriction) {
                case "eq" -> bothNull;
                case "ne", "notLike" -> !bothNull;
                default -> false;
            };
        }
        if (this.restriction.equals("like") || this.restriction.equals("notLike")) {
            boolean contains = actual.toLowerCase(Locale.ROOT).contains(this.value.toLowerCase(Locale.ROOT));
            return this.restriction.equals("like") == contains;
        }
        Integer order = compare(actual, this.value);
        if (order == null) {
            return this.restriction.equals("ne");
        }
        return switch (this.restriction) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "ge" -> order >= 0;
            case "gt" -> order > 0;
            case "le" -> order <= 0;
            default -> order < 0;
        };
    }

    // null when the two cannot be compared as this filter's type
    private @Nullable Integer compare(String actual, String expected) {
        if (this.kind.startsWith("Int")) {
            try {
                return Long.compare(Long.parseLong(actual.trim()), Long.parseLong(expected.trim()));
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }
        if (this.kind.startsWith("Boolean")) {
            return Boolean.parseBoolean(actual.trim()) == Boolean.parseBoolean(expected.trim()) ? 0 : 1;
        }
        if (this.kind.startsWith("DateTime")) {
            try {
                return LocalDateTime.parse(actual.trim()).compareTo(LocalDateTime.parse(expected.trim()));
            }
            catch (DateTimeParseException ex) {
                return actual.compareTo(expected);
            }
        }
        if (this.kind.equals("RefFilter") && actual.startsWith("objs/") && !expected.startsWith("objs/")) {
            // A reference matches by the name of the object it points to, e.g. owner eq "alice".
            return actual.substring(actual.lastIndexOf('/') + 1).compareTo(expected);
        }
        return actual.compareTo(expected);
    }
}
