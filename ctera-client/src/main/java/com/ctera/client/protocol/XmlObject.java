package com.ctera.client.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An {@code <obj>} element: optional {@code class} and {@code uuid} attributes and its {@code <att>} children in
 * document order. A null attribute maps to {@link XmlNull#INSTANCE}; an absent one is not in the map.
 */
public record XmlObject(@Nullable String className, @Nullable String uuid, Map<String, XmlValue> attributes)
        implements XmlValue {

    public XmlObject {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
