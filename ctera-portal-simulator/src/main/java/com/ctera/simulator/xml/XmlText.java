package com.ctera.simulator.xml;

import java.util.Objects;

/** A {@code <val>} node; the empty string is written as {@code <val />}. */
public record XmlText(String text) implements XmlValue {

    public XmlText {
        Objects.requireNonNull(text, "text");
    }
}
