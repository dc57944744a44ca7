package com.ctera.autoconfigure.client;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata IDEs read: every key and group that the {@code ctera.*} configuration classes bind is listed, with a
 * description in plain text (no Javadoc tags or HTML, which IDEs show raw).
 */
class ConfigurationMetadataTests {

    private static final Pattern MARKUP = Pattern.compile("\\{@|</?[a-zA-Z][^>]*>");

    private static JsonNode metadata;

    @BeforeAll
    static void readTheStartersMetadata() throws IOException {
        // Test classes may carry metadata of their own: take the file that describes CteraProperties.
        for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode candidate = JsonMapper.builder().build().readTree(in);
                for (JsonNode group : candidate.path("groups")) {
                    if (CteraProperties.class.getName().equals(group.path("type").asString(""))) {
                        metadata = candidate;
                    }
                }
            }
        }
        assertThat(metadata).as("generated configuration metadata of the starter").isNotNull();
    }

    @Test
    void everyKeyHasAPlainDescription() {
        List<String> names = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            names.add(name);
            if (!isPlainDescription(property)) {
                undescribed.add(name + ": " + property.path("description").asString(""));
            }
        }
        assertThat(undescribed).isEmpty();
        assertThat(names).contains("ctera.portals", "ctera.defaults.url", "ctera.defaults.timeouts.read",
                "ctera.portal.host", "ctera.portal.port", "ctera.primary", "ctera.simulator.enabled",
                "ctera.defaults.retry.max-attempts", "ctera.defaults.retry.budget.capacity",
                "ctera.defaults.rate-limit.strategy", "ctera.defaults.rate-limit.operations",
                "ctera.defaults.rate-limit.jdbc.table", "ctera.defaults.circuit-breaker.failure-rate-threshold",
                "ctera.portal.circuit-breaker.affects-health");
    }

    @Test
    void everyGroupHasAPlainDescription() {
        List<String> undescribed = new ArrayList<>();
        for (JsonNode group : metadata.get("groups")) {
            String name = group.get("name").asString();
            if (name.startsWith("ctera") && !isPlainDescription(group)) {
                undescribed.add(name);
            }
        }
        assertThat(undescribed).isEmpty();
    }

    /** Walks each configuration class as the binder does and expects each of its keys and nested groups listed. */
    @Test
    void everyKeyOfTheBoundClassesIsListed() throws ClassNotFoundException {
        TreeSet<String> listed = new TreeSet<>();
        metadata.get("properties").forEach((property) -> listed.add(property.get("name").asString()));
        metadata.get("groups").forEach((group) -> listed.add(group.get("name").asString()));
        TreeSet<String> bound = new TreeSet<>();
        for (JsonNode group : metadata.get("groups")) {
            String name = group.get("name").asString();
            if (name.startsWith("ctera") && group.path("sourceMethod").isMissingNode()) {
                collect(name, Class.forName(group.get("type").asString()), bound);
            }
        }
        assertThat(bound).hasSizeGreaterThan(100);
        assertThat(listed).containsAll(bound);
    }

    private static void collect(String prefix, Class<?> type, Collection<String> keys) {
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getReadMethod() == null || property.getName().equals("class")) {
                continue;
            }
            Class<?> value = property.getPropertyType();
            boolean nested = value.getName().startsWith("com.ctera.") && !value.isEnum();
            if (property.getWriteMethod() == null && !nested) {
                continue;
            }
            String key = prefix + "." + dashed(property.getName());
            keys.add(key);
            if (nested && !Map.class.isAssignableFrom(value)) {
                collect(key, value, keys);
            }
        }
    }

    private static String dashed(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isPlainDescription(JsonNode item) {
        String description = item.path("description").asString("");
        return !description.isBlank() && !MARKUP.matcher(description).find();
    }
}
