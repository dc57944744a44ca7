package com.ctera.autoconfigure.keys;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.util.ClassUtils;

/**
 * The names that configuration metadata in any jar declares under {@code ctera}: the properties classes of features
 * that are not active, and keys that no class binds. A class of its own so that a check that never needs it (every
 * key known from the context's beans) loads no JSON parser.
 */
final class CteraKeyMetadata {

    private static final Logger logger = LoggerFactory.getLogger(CteraKeyMetadata.class);

    private static final String[] METADATA = { "META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json" };

    // Streaming, not a tree: a start-up check has no use for Jackson's data binding, which was 400 classes to load.
    private static final JsonFactory JSON = new JsonFactory();

    private static final byte[] QUOTED_ROOT = ("\"" + CteraKeyCatalog.ROOT).getBytes(StandardCharsets.US_ASCII);

    private CteraKeyMetadata() {
    }

    /**
     * Adds the names that configuration metadata in this class loader declares: the classes of features that are
     * not active, and keys that no class binds.
     */
    static void addTo(BoundKeys keys, @Nullable ClassLoader classLoader) {
        ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
        for (String resource : METADATA) {
            try {
                Enumeration<URL> found = loader.getResources(resource);
                while (found.hasMoreElements()) {
                    addMetadata(keys, found.nextElement(), loader);
                }
            }
            catch (IOException ex) {
                logger.debug("Cannot list {}: {}", resource, ex.toString());
            }
        }
    }

    private static void addMetadata(BoundKeys keys, URL url, ClassLoader loader) {
        byte[] metadata;
        try (InputStream in = url.openStream()) {
            metadata = in.readAllBytes();
        }
        catch (IOException ex) {
            logger.debug("Cannot read {}: {}", url, ex.toString());
            return;
        }
        // Most jars' metadata (Boot's own runs to hundreds of kilobytes) names nothing under ctera: not parsed.
        if (!contains(metadata, QUOTED_ROOT)) {
            return;
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), metadata)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            String section;
            while ((section = parser.nextName()) != null) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> entry = stringFields(parser);
                    if (section.equals("groups")) {
                        addGroup(keys, entry, loader);
                    }
                    else if (section.equals("properties")) {
                        addProperty(keys, entry);
                    }
                }
            }
        }
        catch (JacksonException ex) {
            logger.debug("Cannot read {}: {}", url, ex.toString());
        }
    }

    private static void addGroup(BoundKeys keys, Map<String, String> group, ClassLoader loader) {
        String name = group.getOrDefault("name", "");
        String type = group.getOrDefault("type", "");
        // A group without a source method is a class's own prefix; nested groups are reached from it.
        if (CteraKeyCatalog.isCtera(name) && !group.containsKey("sourceMethod") && !type.isEmpty()) {
            Class<?> bound = load(type, loader);
            if (bound != null) {
                keys.addClass(name, bound);
            }
        }
    }

    private static void addProperty(BoundKeys keys, Map<String, String> property) {
        String name = property.getOrDefault("name", "");
        if (CteraKeyCatalog.isCtera(name)) {
            keys.addName(name);
        }
    }

    // The string members of the object the parser has just entered; other values (defaults, deprecation) skipped.
    private static Map<String, String> stringFields(JsonParser parser) {
        Map<String, String> fields = new HashMap<>();
        String name;
        while ((name = parser.nextName()) != null) {
            if (parser.nextToken() == JsonToken.VALUE_STRING) {
                fields.put(name, parser.getString());
            }
            else {
                parser.skipChildren();
            }
        }
        return fields;
    }

    private static boolean contains(byte[] content, byte[] part) {
        outer: for (int i = 0; i <= content.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static @Nullable Class<?> load(String type, ClassLoader loader) {
        try {
            return ClassUtils.forName(type, loader);
        }
        catch (ClassNotFoundException | LinkageError ex) {
            // A feature whose dependencies are absent: its keys still come from the metadata's properties.
            return null;
        }
    }
}
