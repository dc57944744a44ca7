package com.ctera.client.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** A {@code <list>} element; its items are {@link XmlObject}s or {@link XmlText}s. */
public record XmlList(List<XmlValue> items) implements XmlValue {

    public XmlList {
        items = List.copyOf(items);
    }

    /** A list of the given items, in order. */
    public static XmlList of(XmlValue... items) {
        return new XmlList(Arrays.asList(items));
    }

    /** A list of {@code <val>} items, one per string, in order. */
    public static XmlList ofTexts(Collection<String> texts) {
        List<XmlValue> items = new ArrayList<>(texts.size());
        for (String text : texts) {
            items.add(new XmlText(text));
        }
        return new XmlList(items);
    }

    /** A list of {@code <val>} items, one per string, in order. */
    public static XmlList ofTexts(String... texts) {
        return ofTexts(Arrays.asList(texts));
    }

    /** The empty list, written {@code <list />}. */
    public static XmlList empty() {
        return new XmlList(List.of());
    }
}
