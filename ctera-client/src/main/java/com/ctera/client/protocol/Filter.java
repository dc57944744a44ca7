package com.ctera.client.protocol;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Function;

/**
 * One query filter, written {@code <obj class="StringFilter"><att id="field">..</att><att id="restriction">..</att>
 * <att id="value">..</att></obj>}. Start from a factory naming the field's type, then pick the restriction:
 * {@code Filter.string("email").like("acme")}.
 */
public record Filter(String className, String field, String restriction, String value) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public Filter {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(restriction, "restriction");
        Objects.requireNonNull(value, "value");
    }

    /** A filter on a text field ({@code StringFilter}). */
    public static Field<String> string(String field) {
        return new Field<>("StringFilter", field, text -> text);
    }

    /** A filter on an integral field ({@code IntFilter}). */
    public static Field<Number> integer(String field) {
        return new Field<>("IntFilter", field, Object::toString);
    }

    /** A filter on a boolean field ({@code BooleanFilter}). */
    public static Field<Boolean> bool(String field) {
        return new Field<>("BooleanFilter", field, Object::toString);
    }

    /** A filter on a date-time field ({@code DateTimeFilter}), values written {@code yyyy-MM-dd'T'HH:mm:ss}. */
    public static Field<LocalDateTime> dateTime(String field) {
        return new Field<>("DateTimeFilter", field, DATE_TIME::format);
    }

    /** A filter on a reference to another object, by name ({@code RefFilter}). */
    public static Field<String> ref(String field) {
        return new Field<>("RefFilter", field, text -> text);
    }

    /** The filter as it is written inside a query's {@code filters} list. */
    public XmlObject toXml() {
        return XmlObject.builder(this.className)
            .put("field", this.field)
            .put("restriction", this.restriction)
            .put("value", this.value)
            .build();
    }

    /** A field of a known type, waiting for its restriction. */
    public static final class Field<V> {

        private final String className;

        private final String field;

        private final Function<V, String> format;

        private Field(String className, String field, Function<V, String> format) {
            this.className = className;
            this.field = Objects.requireNonNull(field, "field");
            this.format = format;
        }

        /** Matches values containing the given text (the portal's {@code like}). */
        public Filter like(V value) {
            return restrict("like", value);
        }

        /** Matches values not containing the given text. */
        public Filter notLike(V value) {
            return restrict("notLike", value);
        }

        /** Matches values equal to the given one. */
        public Filter eq(V value) {
            return restrict("eq", value);
        }

        /** Matches values different from the given one. */
        public Filter ne(V value) {
            return restrict("ne", value);
        }

        /** Matches values greater than or equal to the given one. */
        public Filter ge(V value) {
            return restrict("ge", value);
        }

        /** Matches values greater than the given one. */
        public Filter gt(V value) {
            return restrict("gt", value);
        }

        /** Matches values less than or equal to the given one. */
        public Filter le(V value) {
            return restrict("le", value);
        }

        /** Matches values less than the given one. */
        public Filter lt(V value) {
            return restrict("lt", value);
        }

        /** Matches values before the given one (the same as {@link #lt}). */
        public Filter before(V value) {
            return lt(value);
        }

        /** Matches values after the given one (the same as {@link #gt}). */
        public Filter after(V value) {
            return gt(value);
        }

        private Filter restrict(String restriction, V value) {
            Objects.requireNonNull(value, "value");
            return new Filter(this.className, this.field, restriction, this.format.apply(value));
        }
    }
}
