package com.ctera.autoconfigure.keys;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.ClassUtils;

/**
 * Finds every name under {@code ctera} that some class binds: the configuration classes that configuration metadata
 * lists in any jar (whether their feature is active or not), the {@code @ConfigurationProperties} beans of the
 * context, and the keys that metadata declares without a class. Nothing here is a list of names: a feature that adds
 * a properties class is known as soon as it is compiled.
 */
final class CteraKeyCatalog {

    static final String ROOT = "ctera";

    private static final Logger logger = LoggerFactory.getLogger(CteraKeyCatalog.class);

    private static final String[] METADATA = { "META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json" };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CteraKeyCatalog() {
    }

    /** The names bound under {@code ctera} in this class loader and bean factory. */
    static BoundKeys of(@Nullable ClassLoader classLoader, ConfigurableListableBeanFactory beans) {
        BoundKeys keys = new BoundKeys();
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
        for (String name : beans.getBeanDefinitionNames()) {
            addBean(keys, beans, name);
        }
        return keys;
    }

    // Reads only definitions: no bean is created, no factory bean initialized, before the context has started.
    private static void addBean(BoundKeys keys, ConfigurableListableBeanFactory beans, String name) {
        try {
            ConfigurationProperties annotation = beans.findAnnotationOnBean(name, ConfigurationProperties.class, false);
            Class<?> type = (annotation != null) ? beans.getType(name, false) : null;
            if (type != null && isCtera(prefix(annotation))) {
                keys.addClass(prefix(annotation), ClassUtils.getUserClass(type));
            }
        }
        catch (RuntimeException | LinkageError ex) {
            logger.debug("Cannot read the type of bean '{}': {}", name, ex.toString());
        }
    }

    private static void addMetadata(BoundKeys keys, URL url, ClassLoader loader) {
        JsonNode metadata;
        try (InputStream in = url.openStream()) {
            metadata = JSON.readTree(in);
        }
        catch (IOException | RuntimeException ex) {
            logger.debug("Cannot read {}: {}", url, ex.toString());
            return;
        }
        for (JsonNode group : metadata.path("groups")) {
            String name = group.path("name").asString("");
            String type = group.path("type").asString("");
            // A group without a source method is a class's own prefix; nested groups are reached from it.
            if (isCtera(name) && group.path("sourceMethod").isMissingNode() && !type.isEmpty()) {
                Class<?> bound = load(type, loader);
                if (bound != null) {
                    keys.addClass(name, bound);
                }
            }
        }
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString("");
            if (isCtera(name)) {
                keys.addName(name);
            }
        }
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

    private static String prefix(ConfigurationProperties annotation) {
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    private static boolean isCtera(String name) {
        return name.equals(ROOT) || name.startsWith(ROOT + ".");
    }
}
