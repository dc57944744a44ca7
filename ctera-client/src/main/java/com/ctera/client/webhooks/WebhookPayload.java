package com.ctera.client.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import com.ctera.client.events.CteraChangeEvent;

/** The Standard Webhooks body of a change: {@code {"type", "timestamp", "data"}}, thin (ids, path, size). */
final class WebhookPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookPayload() {
    }

    static String body(CteraChangeEvent event) {
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
}
