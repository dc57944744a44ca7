package com.ctera.autoconfigure.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata IDEs read: every {@code ctera.*} key is listed and described. */
class ConfigurationMetadataTests {

    @Test
    void everyKeyHasADescription() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        List<String> names = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            names.add(name);
            JsonNode description = property.get("description");
            if (description == null || description.asString().isBlank()) {
                undescribed.add(name);
            }
        }
        assertThat(undescribed).isEmpty();
        assertThat(names).contains("ctera.portals", "ctera.defaults.url", "ctera.defaults.timeouts.read",
                "ctera.portal.host", "ctera.portal.port", "ctera.primary", "ctera.simulator.enabled");
    }
}
