package com.ctera.simulator.xml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An {@code <obj>} node: an optional class name and uuid and its attributes in insertion order, where a
 * {@code null} attribute value stands for {@code <att id="x" />}. Built by one thread, then only read.
 */
public final class XmlObj implements XmlValue {

    private final @Nullable String className;
    private final @Nullable String uuid;
    private final Map<String, @Nullable XmlValue> attributes = new LinkedHashMap<>();

    public XmlObj(@Nullable String className, @Nullable String uuid) {
        this.className = className;
        this.uuid = uuid;
    }

    /** An object without class or uuid. */
    public static XmlObj plain() {
        return new XmlObj(null, null);
    }

    /** An object carrying {@code class="className"}. */
    public static XmlObj ofClass(String className) {
        return new XmlObj(className, null);
    }

    public @Nullable String className() {
        return this.className;
    }

    public @Nullable String uuid() {
        return this.uuid;
    }

    /** Sets an attribute; a null value is written as a null attribute. */
    public XmlObj put(String id, @Nullable XmlValue value) {
        this.attributes.put(id, value);
        return this;
    }

    /** Sets a scalar attribute; a null text is written as a null attribute. */
    public XmlObj put(String id, @Nullable String text) {
        return put(id, text == null ? null : new XmlText(text));
    }

    public boolean has(String id) {
        return this.attributes.containsKey(id);
    }

    public @Nullable XmlValue get(String id) {
        return this.attributes.get(id);
    }

    /** The text of a scalar attribute, empty when the attribute is absent, null or not a scalar. */
    public Optional<String> text(String id) {
        return (this.attributes.get(id) instanceof XmlText value) ? Optional.of(value.text()) : Optional.empty();
    }

    /** The attributes in insertion order (read-only view). */
    public Map<String, @Nullable XmlValue> attributes() {
        return Collections.unmodifiableMap(this.attributes);
    }

    @Override
    public String toString() {
        return "XmlObj[" + (this.className != null ? this.className : "") + " " + this.attributes.keySet() + "]";
    }
}
