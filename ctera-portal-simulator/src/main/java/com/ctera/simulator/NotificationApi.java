package com.ctera.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification service (protocol §5.6), JSON on {@code /{ctx}/v2/api/metadata/*}: {@code list} pages the change
 * feed from a cursor, {@code longpoll} holds until a change arrives or {@code timeout} ms pass (on a timer, never a
 * blocked thread), {@code ancestors} gives the path of an item from its cloud folder root.
 */
final class NotificationApi {

    /** At most this many {@code folder_ids} in one request. */
    static final int MAX_FOLDERS = 100;

    /** Long-polls are held at most this long whatever the client asks. */
    static final Duration MAX_HOLD = Duration.ofMinutes(2);

    private static final int DEFAULT_MAX_RESULTS = 2000;
    private static final int MAX_RESULTS_CEILING = 10_000;

    private final JsonMapper json = JsonMapper.builder().build();
    private final SimulatorState state;
    private final FileStore store;

    NotificationApi(SimulatorState state, FileStore store) {
        this.state = state;
        this.store = store;
    }

    PortalAnswer list(ApiCall call) {
        JsonNode body = body(call);
        Scope scope = scope(call, body);
        long after = cursorOf(body.get("cursor"), true, scope.tenant());
        int maxResults = DEFAULT_MAX_RESULTS;
        JsonNode max = body.get("max_results");
        if (max != null && !max.isNull()) {
            if (!max.canConvertToInt() || max.asInt() < 1 || max.asInt() > MAX_RESULTS_CEILING) {
                return error("max_results: must be between 1 and " + MAX_RESULTS_CEILING);
            }
            maxResults = max.asInt();
        }
        ChangeFeed.Page page = this.store.feed().read(scope.tenant(), scope.folders(), after, maxResults);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("cursor", cursorText(page.cursor()));
        answer.put("has_more", page.hasMore());
        answer.put("entries", page.entries());
        return json(answer);
    }

    PortalAnswer longpoll(ApiCall call) {
        JsonNode body = body(call);
        Scope scope = scope(call, body);
        long after = cursorOf(body.get("cursor"), false, scope.tenant());
        JsonNode timeoutNode = body.get("timeout");
        long timeout = 10_000;
        if (timeoutNode != null && !timeoutNode.isNull()) {
            if (!timeoutNode.canConvertToLong() || timeoutNode.asLong() < 0) {
                return error("timeout: must be a number of milliseconds >= 0");
            }
            timeout = timeoutNode.asLong();
        }
        Duration hold = Duration.ofMillis(Math.min(timeout, MAX_HOLD.toMillis()));
        Flux<String> answer = this.store.feed().awaitChange(scope.tenant(), scope.folders(), after, hold)
            .map(changes -> write(Map.of("changes", changes)))
            .flux();
        return PortalAnswer.okStream(answer).withHeader("Content-Type", "application/json");
    }

    PortalAnswer ancestors(ApiCall call) {
        JsonNode body = body(call);
        JsonNode folderNode = body.get("folder_id");
        JsonNode guidNode = body.get("guid");
        if (folderNode == null || !folderNode.canConvertToLong() || guidNode == null || !guidNode.isString()) {
            return error("folder_id (number) and guid (string) are required");
        }
        Viewer viewer = Viewer.of(call, this.state.defaultTenant());
        CloudFolder folder = this.store.folder(folderNode.asLong());
        if (folder == null || !viewer.sees(folder)) {
            return notFound();
        }
        String guid = guidNode.asString();
        List<Map<String, Object>> chain = this.store.locked(() -> {
            FileNode found = find(folder.root(), guid, 0);
            List<Map<String, Object>> result = new ArrayList<>();
            for (FileNode node = found; node != null; node = node.parent()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("guid", node.guid());
                item.put("name", node.name());
                item.put("type", node.isFolder() ? "folder" : "file");
                item.put("folder_id", folder.uid());
                result.add(0, item);
            }
            return result;
        });
        return chain.isEmpty() ? notFound() : json(chain);
    }

    private static @Nullable FileNode find(FileNode node, String guid, int depth) {
        if (node.guid().equals(guid)) {
            return node;
        }
        if (depth > 256) {
            return null;
        }
        for (FileNode child : node.children().values()) {
            FileNode found = find(child, guid, depth + 1);
            if (found != null) {
                return found;
            }
        }
        for (FileNode child : node.deletedChildren()) {
            FileNode found = find(child, guid, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The tenant and the cloud folders a request covers; an empty set means every folder the caller sees. */
    private record Scope(String tenant, Set<Long> folders) {
    }

    private Scope scope(ApiCall call, JsonNode body) {
        Viewer viewer = Viewer.of(call, this.state.defaultTenant());
        JsonNode ids = body.get("folder_ids");
        Set<Long> folders = new LinkedHashSet<>();
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) {
                throw new JsonProblem("folder_ids: must be a list of numbers");
            }
            if (ids.size() > MAX_FOLDERS) {
                throw new JsonProblem("folder_ids: size must be between 0 and " + MAX_FOLDERS);
            }
            for (JsonNode id : ids) {
                if (!id.canConvertToLong()) {
                    throw new JsonProblem("folder_ids: must be a list of numbers");
                }
                folders.add(id.asLong());
            }
        }
        if (folders.isEmpty() && viewer.user() != null) {
            // An end user's "all folders" is their own folders, not the whole tenant.
            for (CloudFolder folder : this.store.folders(viewer.tenant(), viewer.user())) {
                folders.add(folder.uid());
            }
            if (folders.isEmpty()) {
                folders.add(-1L);
            }
        }
        else {
            for (Long id : folders) {
                CloudFolder folder = this.store.folder(id);
                if (folder == null || !viewer.sees(folder)) {
                    throw new JsonProblem("folder_ids: unknown cloud folder " + id);
                }
            }
        }
        return new Scope(viewer.tenant(), folders);
    }

    /**
     * The sequence a cursor stands for. A cursor of an earlier run of the simulator, or one past the end of the feed,
     * was not issued by this portal: refused with a 400 naming the cursor, so a client takes a new baseline instead
     * of waiting for a position the feed never reaches.
     */
    private long cursorOf(@Nullable JsonNode cursor, boolean nullAllowed, String tenant) {
        if (cursor == null || cursor.isNull()) {
            if (nullAllowed) {
                return 0;
            }
            throw new JsonProblem("cursor: is required");
        }
        String text = cursor.isString() ? cursor.asString() : "";
        String suffix = "." + this.store.feed().epoch();
        if (!text.startsWith("c") || !text.endsWith(suffix) || text.length() <= suffix.length() + 1) {
            throw new JsonProblem("cursor: not a cursor this portal issued");
        }
        long sequence;
        try {
            sequence = Long.parseLong(text.substring(1, text.length() - suffix.length()));
        }
        catch (NumberFormatException ex) {
            throw new JsonProblem("cursor: not a cursor this portal issued");
        }
        if (sequence < 0 || sequence > this.store.feed().head(tenant)) {
            throw new JsonProblem("cursor: not a cursor this portal issued");
        }
        return sequence;
    }

    private String cursorText(long sequence) {
        return "c" + sequence + "." + this.store.feed().epoch();
    }

    private JsonNode body(ApiCall call) {
        try {
            JsonNode node = this.json.readTree(call.rawBody());
            if (node == null || !node.isObject()) {
                throw new JsonProblem("The body must be a JSON object");
            }
            return node;
        }
        catch (JacksonException ex) {
            throw new JsonProblem("The body is not valid JSON");
        }
    }

    private PortalAnswer json(Object value) {
        return new PortalAnswer(200, Map.of("Content-Type", "application/json"), write(value), null);
    }

    private String write(Object value) {
        return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    private PortalAnswer notFound() {
        return new PortalAnswer(404, Map.of("Content-Type", "application/json"),
                write(Map.of("details", List.of(Map.of("error", "Resource does not exist")))), null);
    }

    /** A 400 shaped as the SDK reads it: {@code {"details":[{"error": ...}]}}. */
    static PortalAnswer error(String message) {
        String body = "{\"details\":[{\"error\":" + quote(message) + "}]}";
        return new PortalAnswer(400, Map.of("Content-Type", "application/json"), body, null);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Bad input found while reading a request; answered by {@link #error(String)}. */
    static final class JsonProblem extends RuntimeException {

        private static final long serialVersionUID = 1L;

        JsonProblem(String message) {
            super(message);
        }
    }
}
