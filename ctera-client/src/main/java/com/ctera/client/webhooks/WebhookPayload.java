package com.ctera.client.webhooks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.EventType;

/**
 * The Standard Webhooks body of a change, {@code {"type", "timestamp", "data"}} with thin data (ids, path, size);
 * written when an event is committed and read back by a receiver.
 */
public final class WebhookPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookPayload() {
    }

    /** The body of a change event. */
    public static String body(CteraChangeEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.id());
        data.put("portal", event.portal());
        data.put("cloudFolderId", event.cloudFolderId());
        data.put("guid", event.guid());
        data.put("name", event.name());
        data.put("path", event.path());
        data.put("size", event.size());
        data.put("fileId", event.fileId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().wireName());
        body.put("timestamp", event.time().toString());
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }

    /**
     * The change event a received body describes.
     * @param webhookId the verified {@code webhook-id}, which is the event's id
     * @throws IllegalArgumentException when the body is not such a message
     */
    public static CteraChangeEvent read(String webhookId, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("the webhook body is not JSON: " + ex.getOriginalMessage());
        }
        JsonNode data = root.path("data");
        if (!root.path("type").isString() || !data.isObject()) {
            throw new IllegalArgumentException("the webhook body must be {\"type\": ..., \"timestamp\": ..., "
                    + "\"data\": {...}}");
        }
        EventType type = EventType.of(root.get("type").asString());
        Instant time;
        try {
            time = Instant.parse(root.path("timestamp").asString());
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("the webhook timestamp is not an ISO-8601 instant");
        }
        return new CteraChangeEvent(webhookId, data.path("portal").asString(""), type,
                data.path("cloudFolderId").asLong(-1), data.path("guid").asString(""), data.path("name").asString(""),
                text(data, "path"), number(data, "size"), number(data, "fileId"), time);
    }

    private static @Nullable String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return (value == null || value.isNull()) ? null : value.asString();
    }

    private static @Nullable Long number(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return (value == null || !value.isNumber()) ? null : value.asLong();
    }
}
