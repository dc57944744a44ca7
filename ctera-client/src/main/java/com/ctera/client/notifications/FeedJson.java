package com.ctera.client.notifications;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the change feed's request bodies exactly as the SDK does (protocol §5.6, §9.1): keys in the SDK's order,
 * pretty-printed like Python's {@code json.dumps(indent=5)}.
 */
final class FeedJson {

    private static final String INDENT = "     ";

    /**
     * The feed's mapper, for answers too. It lives here, not in {@code ReactiveNotifications}, so that building a
     * portal does not load Jackson: this class loads on the first change-feed call.
     */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private FeedJson() {
    }

    static byte[] list(List<Long> folderIds, @Nullable String cursor, int maxResults) {
        return object(folderIds, cursor, "max_results", maxResults);
    }

    static byte[] longpoll(List<Long> folderIds, String cursor, long timeoutMillis) {
        return object(folderIds, cursor, "timeout", timeoutMillis);
    }

    static byte[] ancestors(long folderId, String guid) {
        String body = "{\n" + INDENT + "\"folder_id\": " + folderId + ",\n" + INDENT + "\"guid\": " + string(guid)
                + "\n}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] object(List<Long> folderIds, @Nullable String cursor, String lastKey, long lastValue) {
        StringBuilder body = new StringBuilder("{\n").append(INDENT).append("\"folder_ids\": ");
        if (folderIds.isEmpty()) {
            body.append("[]");
        }
        else {
            body.append("[\n");
            for (int i = 0; i < folderIds.size(); i++) {
                body.append(INDENT).append(INDENT).append(folderIds.get(i));
                body.append((i < folderIds.size() - 1) ? ",\n" : "\n");
            }
            body.append(INDENT).append(']');
        }
        body.append(",\n").append(INDENT).append("\"cursor\": ").append((cursor != null) ? string(cursor) : "null");
        body.append(",\n").append(INDENT).append('"').append(lastKey).append("\": ").append(lastValue).append("\n}");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    // Python's json.dumps escapes every non-ASCII character; Jackson's quoting plus that rule gives the same text.
    private static String string(String value) {
        String quoted = MAPPER.writeValueAsString(value);
        StringBuilder ascii = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c > 0x7E) {
                ascii.append(String.format("\\u%04x", (int) c));
            }
            else {
                ascii.append(c);
            }
        }
        return ascii.toString();
    }
}
