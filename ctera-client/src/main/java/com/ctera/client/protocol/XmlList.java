package com.ctera.client.protocol;

import java.util.List;

/** A {@code <list>} element; its items are {@link XmlObject}s or {@link XmlText}s. */
public record XmlList(List<XmlValue> items) implements XmlValue {

    public XmlList {
        items = List.copyOf(items);
    }
}
