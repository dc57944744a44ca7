package com.ctera.simulator.xml;

import java.util.List;

/** A {@code <list>} node holding objects and values in order. */
public record XmlList(List<XmlValue> items) implements XmlValue {

    public XmlList {
        items = List.copyOf(items);
    }
}
