package com.ctera.client.notifications;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One level of a changed item's path, as {@code metadata/ancestors} lists them from the root down to the item.
 * @param name the level's name
 * @param guid its guid, when the portal sends one
 * @param attributes every scalar field of the level as text
 */
public record Ancestor(String name, @Nullable String guid, Map<String, String> attributes) {

    public Ancestor {
        attributes = Map.copyOf(attributes);
    }
}
