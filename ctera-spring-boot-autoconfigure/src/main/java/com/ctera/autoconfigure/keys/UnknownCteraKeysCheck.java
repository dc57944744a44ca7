package com.ctera.autoconfigure.keys;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Stops start-up (or warns, {@code ctera.unknown-keys}) when a {@code ctera.*} key is bound by no class: a misspelt
 * key would otherwise be ignored in silence and quietly leave a setting at its default. Runs once every bean is
 * defined and before any is created, so the message comes before whatever the typo would break. Environment
 * variables are not checked: {@code CTERA_USERNAME} and the like are commonly set for placeholders and bind to no key.
 */
final class UnknownCteraKeysCheck implements BeanFactoryPostProcessor, EnvironmentAware, BeanClassLoaderAware {

    static final String ACTION_PROPERTY = "ctera.unknown-keys";

    private static final Logger logger = LoggerFactory.getLogger(UnknownCteraKeysCheck.class);

    private @Nullable Environment environment;

    private @Nullable ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(this.environment instanceof ConfigurableEnvironment environment)) {
            return;
        }
        String action = Binder.get(environment).bind(ACTION_PROPERTY, String.class).orElse("fail")
            .trim().toLowerCase(Locale.ROOT);
        if (action.equals("ignore")) {
            return;
        }
        if (!action.equals("fail") && !action.equals("warn")) {
            throw new IllegalStateException("Invalid CTERA configuration: " + ACTION_PROPERTY
                    + " must be fail, warn or ignore, was '" + action + "'");
        }
        // The beans' classes know every key of a usual configuration; the metadata of every jar is read (a good part
        // of the check's time at start-up) only for a key they do not know, and may still know it.
        BoundKeys known = CteraKeyCatalog.ofBeans(beanFactory);
        Map<String, String> unknown = unknownKeys(environment, known);
        if (!unknown.isEmpty()) {
            CteraKeyMetadata.addTo(known, this.classLoader);
            unknown = unknownKeys(environment, known);
        }
        if (unknown.isEmpty()) {
            return;
        }
        String message = describe(unknown);
        if (action.equals("warn")) {
            logger.warn("{}", message);
            return;
        }
        throw new IllegalStateException(message + ". Correct or remove the key; set " + ACTION_PROPERTY
                + "=warn to start anyway");
    }

    /** Each unknown key, as written, with its suggestion (empty when nothing is close), in name order. */
    static Map<String, String> unknownKeys(ConfigurableEnvironment environment, BoundKeys known) {
        Map<String, String> unknown = new TreeMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof SystemEnvironmentPropertySource
                    || !(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String written : enumerable.getPropertyNames()) {
                ConfigurationPropertyName name = ConfigurationPropertyName.adapt(written, '.');
                if (!name.isEmpty() && name.getElement(0, ConfigurationPropertyName.Form.UNIFORM)
                    .equals(CteraKeyCatalog.ROOT) && name.getNumberOfElements() > 1 && !known.contains(name)) {
                    String nearest = known.nearest(name);
                    unknown.putIfAbsent(written, (nearest != null) ? nearest : "");
                }
            }
        }
        return unknown;
    }

    private static String describe(Map<String, String> unknown) {
        StringBuilder message = new StringBuilder("Unknown CTERA configuration ")
            .append((unknown.size() == 1) ? "key: " : "keys: ");
        String separator = "";
        for (Map.Entry<String, String> key : unknown.entrySet()) {
            message.append(separator).append(key.getKey());
            if (!key.getValue().isEmpty()) {
                message.append(" (did you mean ").append(key.getValue()).append("?)");
            }
            separator = "; ";
        }
        return message.toString();
    }
}
