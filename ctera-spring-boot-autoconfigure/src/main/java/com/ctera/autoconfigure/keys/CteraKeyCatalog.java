package com.ctera.autoconfigure.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.ClassUtils;

/**
 * The names under {@code ctera} that the context's {@code @ConfigurationProperties} beans bind, read from their
 * classes; {@link CteraKeyMetadata} adds what configuration metadata declares. Nothing here is a list of names: a
 * feature that adds a properties class is known as soon as it is compiled.
 */
final class CteraKeyCatalog {

    static final String ROOT = "ctera";

    private static final Logger logger = LoggerFactory.getLogger(CteraKeyCatalog.class);

    private CteraKeyCatalog() {
    }

    /** The names that the context's {@code @ConfigurationProperties} beans bind under {@code ctera}. */
    static BoundKeys ofBeans(ConfigurableListableBeanFactory beans) {
        BoundKeys keys = new BoundKeys();
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

    private static String prefix(ConfigurationProperties annotation) {
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    static boolean isCtera(String name) {
        return name.equals(ROOT) || name.startsWith(ROOT + ".");
    }
}
