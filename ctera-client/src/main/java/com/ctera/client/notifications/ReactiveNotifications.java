package com.ctera.client.notifications;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.session.PortalCalls;
import com.ctera.client.transport.ApiRequest;
import com.ctera.client.transport.ResponseReader;

/**
 * The change feed in reactive form (protocol §5.6): JSON calls on {@code /{ctx}/v2/api/metadata/...}. Nothing is
 * sent until subscription.
 */
public final class ReactiveNotifications {

    /** The SDK's page size for {@code metadata/list}. */
    public static final int DEFAULT_MAX_RESULTS = 2000;

    /** The SDK's long-poll hold time. */
    public static final Duration DEFAULT_LONGPOLL_TIMEOUT = Duration.ofSeconds(10);

    // The portal holds a long poll for up to its timeout; the client waits that long plus this margin.
    private static final Duration LONGPOLL_MARGIN = Duration.ofSeconds(30);

    private final PortalCalls calls;

    /** Created by {@code CteraPortal}. */
    public ReactiveNotifications(PortalCalls calls) {
        this.calls = calls;
    }

    /**
     * The changes after {@code cursor} ({@code null}: from the start of the feed) in the given cloud folders (empty:
     * all of them), at most {@code maxResults}.
     */
    public Mono<ChangeBatch> list(List<Long> folderIds, @Nullable String cursor, int maxResults) {
        if (maxResults < 1) {
            return Mono.error(new IllegalArgumentException("maxResults must be positive, was " + maxResults));
        }
        ApiRequest request = ApiRequest.json(CteraOperation.NOTIFICATIONS_LIST,
                this.calls.endpoint().v2Api("metadata", "list"), FeedJson.list(folderIds, cursor, maxResults));
        return this.calls.call(request, json(CteraOperation.NOTIFICATIONS_LIST, ReactiveNotifications::toBatch));
    }

    /**
     * Waits, on the portal, up to {@code timeout} for changes after {@code cursor}.
     * @return whether there are changes to {@link #list} now
     */
    public Mono<Boolean> longpoll(List<Long> folderIds, String cursor, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return Mono.error(new IllegalArgumentException("longpoll timeout must be positive, was " + timeout));
        }
        ApiRequest request = ApiRequest.json(CteraOperation.NOTIFICATIONS_LONGPOLL,
                this.calls.endpoint().v2Api("metadata", "longpoll"),
                FeedJson.longpoll(folderIds, cursor, timeout.toMillis()))
                .withResponseTimeout(timeout.plus(LONGPOLL_MARGIN));
        return this.calls.call(request, json(CteraOperation.NOTIFICATIONS_LONGPOLL, node -> {
            JsonNode changes = node.get("changes");
            if (changes == null || !changes.isBoolean()) {
                throw new IllegalArgumentException("expected {\"changes\": true|false}");
            }
            return changes.asBoolean();
        }));
    }

    /** The path of a changed item: its ancestors from the root down to the item itself. */
    public Mono<List<Ancestor>> ancestors(long folderId, String guid) {
        ApiRequest request = ApiRequest.json(CteraOperation.NOTIFICATIONS_ANCESTORS,
                this.calls.endpoint().v2Api("metadata", "ancestors"), FeedJson.ancestors(folderId, guid));
        return this.calls.call(request, json(CteraOperation.NOTIFICATIONS_ANCESTORS, node -> {
            if (!node.isArray()) {
                throw new IllegalArgumentException("expected a JSON list of ancestors");
            }
            List<Ancestor> ancestors = new ArrayList<>();
            for (JsonNode level : node.values()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : level.properties()) {
                    if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                        attributes.put(field.getKey(), field.getValue().asString());
                    }
                }
                ancestors.add(new Ancestor(attributes.getOrDefault("name", ""), attributes.get("guid"), attributes));
            }
            return ancestors;
        }));
    }

    /**
     * The full path of a changed item, from its ancestors' names (root first, without a leading {@code /}).
     */
    public Mono<String> path(ChangeEntry entry) {
        if (entry.folderId() == null) {
            return Mono.error(new IllegalArgumentException("the entry of '" + entry.name() + "' has no folder_id"));
        }
        return ancestors(entry.folderId(), entry.guid())
                .map(levels -> String.join("/", levels.stream().map(Ancestor::name).toList()));
    }

    /**
     * Follows the feed from {@code cursor} as the SDK does: read a page when there is no cursor yet or the last page
     * said {@code has_more}, otherwise long-poll and read only when it reports changes. Emits every non-empty page;
     * runs until cancelled, and ends with the first error (a caller that wants to go on resubscribes from the last
     * cursor it stored).
     */
    public Flux<ChangeBatch> feed(List<Long> folderIds, @Nullable String cursor, Duration longpollTimeout,
            int maxResults) {
        return Flux.defer(() -> {
            AtomicReference<FeedPosition> position = new AtomicReference<>(new FeedPosition(cursor, false));
            Mono<Optional<ChangeBatch>> step = Mono.defer(() -> {
                FeedPosition last = position.get();
                Mono<Boolean> read = (last.cursor() == null || last.more()) ? Mono.just(true)
                        : longpoll(folderIds, last.cursor(), longpollTimeout);
                return read.flatMap(changes -> changes
                        ? list(folderIds, last.cursor(), maxResults).doOnNext(batch -> position
                                .set(new FeedPosition(batch.cursor(), batch.hasMore()))).map(Optional::of)
                        : Mono.just(Optional.<ChangeBatch>empty()));
            });
            return step.repeat()
                    .filter(batch -> batch.isPresent() && !batch.get().entries().isEmpty())
                    .map(Optional::get);
        });
    }

    /** {@link #feed(List, String, Duration, int)} with the SDK's long-poll time and page size. */
    public Flux<ChangeBatch> feed(List<Long> folderIds, @Nullable String cursor) {
        return feed(folderIds, cursor, DEFAULT_LONGPOLL_TIMEOUT, DEFAULT_MAX_RESULTS);
    }

    private static <T> ResponseReader<T> json(CteraOperation operation, JsonReader<T> mapper) {
        return (head, body) -> {
            JsonNode node = readTree(body);
            try {
                if (node == null || node.isNull() || node.isMissingNode()) {
                    throw new IllegalArgumentException("expected a JSON document, found an empty answer");
                }
                return mapper.read(node);
            }
            catch (IllegalArgumentException ex) {
                throw new CteraProtocolException(operation.name(), head.status(), operation.name()
                        + " failed: " + ex.getMessage(), ex);
            }
        };
    }

    private static @Nullable JsonNode readTree(InputStream body) throws IOException {
        byte[] first = body.readNBytes(1);
        if (first.length == 0) {
            return null;
        }
        try {
            return FeedJson.MAPPER.readTree(new SequenceInputStream(new ByteArrayInputStream(first), body));
        }
        catch (JacksonException ex) {
            throw new IOException("the answer is not valid JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    static ChangeBatch toBatch(JsonNode node) {
        JsonNode cursor = node.get("cursor");
        if (cursor == null || !cursor.isString()) {
            throw new IllegalArgumentException("expected a string \"cursor\" in the list answer");
        }
        JsonNode entries = node.get("entries");
        List<ChangeEntry> changes = new ArrayList<>();
        if (entries != null && entries.isArray()) {
            for (JsonNode entry : entries.values()) {
                changes.add(toEntry(entry));
            }
        }
        JsonNode more = node.get("has_more");
        return new ChangeBatch(cursor.asString(), more != null && more.asBoolean(), changes);
    }

    static ChangeEntry toEntry(JsonNode entry) {
        String guid = text(entry, "guid");
        String type = text(entry, "type");
        if (guid == null || type == null) {
            throw new IllegalArgumentException("expected \"type\" and \"guid\" in every change entry");
        }
        JsonNode deleted = entry.get("deleted");
        return new ChangeEntry(type, guid, number(entry, "folder_id"), deleted != null && deleted.asBoolean(),
                String.valueOf(text(entry, "name")), text(entry, "modified"), text(entry, "portal_modified_date"),
                text(entry, "file_timestamp"), number(entry, "size"), number(entry, "id"), text(entry, "acl"),
                text(entry, "gvsn"), text(entry, "parent_guid"), text(entry, "virtual_portal_id"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return (value == null || value.isNull()) ? null : value.asString();
    }

    private static @Nullable Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        try {
            return Long.parseLong(value.asString().trim());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /** Maps a parsed JSON answer; throws {@link IllegalArgumentException} for a wrong shape. */
    @FunctionalInterface
    private interface JsonReader<T> {

        T read(JsonNode node);
    }

    /** Where the feed stands: the last cursor and whether the portal said more was waiting. */
    private record FeedPosition(@Nullable String cursor, boolean more) {
    }
}
