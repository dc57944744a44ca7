package com.ctera.client.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An {@code <obj>} element: optional {@code class} and {@code uuid} attributes and its {@code <att>} children in
 * document order. A null attribute maps to {@link XmlNull#INSTANCE}; an absent one is not in the map.
 */
public record XmlObject(@Nullable String className, @Nullable String uuid, Map<String, XmlValue> attributes)
        implements XmlValue {

    public XmlObject {
        // A map the decoder filled for this object alone is handed over as it is; any other map is copied, so the
        // caller keeps no handle on the record's state.
        attributes = Collections.unmodifiableMap(
                (attributes instanceof DecodedAttributes) ? attributes : new LinkedHashMap<>(attributes));
    }

    /** A builder for an object without a {@code class}. */
    public static Builder builder() {
        return new Builder(null);
    }

    /** A builder for an object written {@code <obj class="className">}. */
    public static Builder builder(String className) {
        return new Builder(Objects.requireNonNull(className, "className"));
    }

    /** A builder that starts from this object's class, uuid and attributes, in their order. */
    public Builder toBuilder() {
        Builder builder = new Builder(this.className);
        builder.uuid = this.uuid;
        builder.attributes.putAll(this.attributes);
        return builder;
    }

    /** Whether the attribute is present, null-valued or not. */
    public boolean has(String attribute) {
        return this.attributes.containsKey(attribute);
    }

    /** Whether the attribute is present with the null value ({@code <att id="x" />}). */
    public boolean isNull(String attribute) {
        return this.attributes.get(attribute) == XmlNull.INSTANCE;
    }

    /** The raw value of the attribute, or {@code null} when it is absent. */
    public @Nullable XmlValue value(String attribute) {
        return this.attributes.get(attribute);
    }

    /**
     * The text of a {@code <val>} attribute; {@code null} when absent or null.
     * @throws MalformedXmlException if the attribute holds an object or a list
     */
    public @Nullable String text(String attribute) {
        XmlValue value = this.attributes.get(attribute);
        if (value == null || value == XmlNull.INSTANCE) {
            return null;
        }
        if (value instanceof XmlText text) {
            return text.text();
        }
        throw wrongShape(attribute, "<val>", value);
    }

    /**
     * The attribute's text as a whole number: null when it is absent, null or blank.
     * @throws MalformedXmlException naming the attribute when the text is not a whole number
     */
    public @Nullable Long wholeNumber(String attribute) {
        String text = text(attribute);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new MalformedXmlException("expected a whole number in attribute '" + attribute + "'"
                    + ((this.className != null) ? " of " + this.className : "") + ", found text of "
                    + text.length() + " characters");
        }
    }

    /** The text of a {@code <val>} attribute, empty when absent or null. */
    public Optional<String> optionalText(String attribute) {
        return Optional.ofNullable(text(attribute));
    }

    /**
     * The text of a {@code <val>} attribute that the caller cannot do without.
     * @throws MalformedXmlException if the attribute is absent, null, an object or a list
     */
    public String requireText(String attribute) {
        String text = text(attribute);
        if (text == null) {
            throw missing(attribute, "<val>");
        }
        return text;
    }

    /**
     * The object held by the attribute; {@code null} when absent or null.
     * @throws MalformedXmlException if the attribute holds a value or a list
     */
    public @Nullable XmlObject object(String attribute) {
        XmlValue value = this.attributes.get(attribute);
        if (value == null || value == XmlNull.INSTANCE) {
            return null;
        }
        if (value instanceof XmlObject object) {
            return object;
        }
        throw wrongShape(attribute, "<obj>", value);
    }

    /**
     * The object held by the attribute, which the caller cannot do without.
     * @throws MalformedXmlException if the attribute is absent, null, a value or a list
     */
    public XmlObject requireObject(String attribute) {
        XmlObject object = object(attribute);
        if (object == null) {
            throw missing(attribute, "<obj>");
        }
        return object;
    }

    /**
     * The items of the list held by the attribute; empty when absent or null.
     * @throws MalformedXmlException if the attribute holds a value or an object
     */
    public List<XmlValue> list(String attribute) {
        XmlValue value = this.attributes.get(attribute);
        if (value == null || value == XmlNull.INSTANCE) {
            return List.of();
        }
        if (value instanceof XmlList list) {
            return list.items();
        }
        throw wrongShape(attribute, "<list>", value);
    }

    /** A copy with the attribute set (kept in place when present, appended otherwise); {@code null} writes null. */
    public XmlObject with(String attribute, @Nullable XmlValue value) {
        return toBuilder().put(attribute, value).build();
    }

    /** A copy without the attribute. */
    public XmlObject without(String attribute) {
        Map<String, XmlValue> copy = new LinkedHashMap<>(this.attributes);
        copy.remove(attribute);
        return new XmlObject(this.className, this.uuid, copy);
    }

    /** A readable form in which passwords, secrets and tokens are masked, so that logging an object is safe. */
    @Override
    public String toString() {
        return XmlValues.render(this);
    }

    private MalformedXmlException wrongShape(String attribute, String expected, XmlValue found) {
        return new MalformedXmlException("expected " + expected + " in attribute '" + attribute + "'"
                + describeOwner() + ", found " + XmlValues.describe(found));
    }

    private MalformedXmlException missing(String attribute, String expected) {
        String state = has(attribute) ? "null" : "absent";
        return new MalformedXmlException("expected " + expected + " in attribute '" + attribute + "'"
                + describeOwner() + ", found it " + state);
    }

    private String describeOwner() {
        return (this.className != null) ? " of <obj class=\"" + this.className + "\">" : "";
    }

    /** Builds an {@link XmlObject}; attributes keep the order in which they were first put. */
    public static final class Builder {

        private final @Nullable String className;

        private @Nullable String uuid;

        private final LinkedHashMap<String, XmlValue> attributes = new LinkedHashMap<>();

        private Builder(@Nullable String className) {
            this.className = className;
        }

        /** Sets the {@code uuid} attribute of the {@code <obj>} element. */
        public Builder uuid(@Nullable String uuid) {
            this.uuid = uuid;
            return this;
        }

        /** Puts a {@code <val>}; a {@code null} text writes the null attribute {@code <att id="x" />}. */
        public Builder put(String attribute, @Nullable String text) {
            return put(attribute, (text != null) ? new XmlText(text) : XmlNull.INSTANCE);
        }

        /** Puts {@code <val>true</val>} or {@code <val>false</val>}. */
        public Builder put(String attribute, boolean value) {
            return put(attribute, XmlText.of(value));
        }

        /** Puts a decimal integer {@code <val>}. */
        public Builder put(String attribute, long value) {
            return put(attribute, XmlText.of(value));
        }

        /** Puts any value; {@code null} writes the null attribute {@code <att id="x" />}. */
        public Builder put(String attribute, @Nullable XmlValue value) {
            Objects.requireNonNull(attribute, "attribute");
            this.attributes.put(attribute, (value != null) ? value : XmlNull.INSTANCE);
            return this;
        }

        /** Puts the null attribute {@code <att id="x" />}. */
        public Builder putNull(String attribute) {
            return put(attribute, XmlNull.INSTANCE);
        }

        /** Removes an attribute put earlier. */
        public Builder remove(String attribute) {
            this.attributes.remove(attribute);
            return this;
        }

        /** The object built so far; the builder stays usable. */
        public XmlObject build() {
            return new XmlObject(this.className, this.uuid, this.attributes);
        }
    }
}
