package com.ctera.client.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.ctera.client.notifications.ChangeEntry;

/**
 * Decides what a batch of feed entries means. The feed only says an item changed or was deleted, so an item the store
 * has not seen before is "created" and a known one "modified"; the same item twice in one batch is created, then
 * modified. Entries that repeat an earlier entry exactly (same event id) are dropped.
 */
final class ChangeClassifier {

    private ChangeClassifier() {
    }

    /** The events of a batch and the state the store keeps after it. */
    record Classification(List<CteraChangeEvent> events, List<ItemUpdate> items) {
    }

    /**
     * @param known guids the store already knows, with whether each is a folder
     * @param readAt when the batch was read: the time of entries without a usable modification time
     * @param paths the full path of an entry, or null when not wanted or not known
     */
    static Classification classify(String portal, List<ChangeEntry> entries, Map<String, Boolean> known,
            Instant readAt, Function<ChangeEntry, @Nullable String> paths) {
        Map<String, ItemUpdate> items = new LinkedHashMap<>();
        List<CteraChangeEvent> events = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ChangeEntry entry : entries) {
            String id = EventIds.of(portal, entry);
            if (!ids.add(id)) {
                continue;
            }
            ItemUpdate before = items.get(entry.guid());
            boolean existedBefore = known.containsKey(entry.guid());
            boolean seen = (before != null) ? !before.deleted() : existedBefore;
            EventType.Change change = entry.deleted() ? EventType.Change.DELETED
                    : seen ? EventType.Change.MODIFIED : EventType.Change.CREATED;
            items.put(entry.guid(), new ItemUpdate(entry.guid(), entry.folderId(), entry.folder(), entry.deleted(),
                    existedBefore));
            long folderId = (entry.folderId() != null) ? entry.folderId() : -1L;
            events.add(new CteraChangeEvent(id, portal, EventType.of(entry.folder(), change), folderId, entry.guid(),
                    entry.name(), paths.apply(entry), entry.folder() ? null : entry.size(), entry.id(), timeOf(entry, readAt)));
        }
        return new Classification(events, List.copyOf(items.values()));
    }

    static Instant timeOf(ChangeEntry entry, Instant fallback) {
        String text = (entry.portalModifiedDate() != null) ? entry.portalModifiedDate() : entry.modified();
        Instant parsed = parse(text);
        return (parsed != null) ? parsed : fallback;
    }

    // The portal writes local date-times without a zone (read as UTC); offsets are honoured when present.
    private static @Nullable Instant parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException ex) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
            catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
