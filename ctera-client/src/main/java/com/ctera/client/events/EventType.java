package com.ctera.client.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What happened to an item, as the classifier decides it; {@link #wireName()} is the webhook {@code type}. */
public enum EventType {

    /** A file seen for the first time. */
    FILE_CREATED("file.created"),

    /** A known file changed (content, name, place). */
    FILE_MODIFIED("file.modified"),

    /** A file was deleted. */
    FILE_DELETED("file.deleted"),

    /** A folder seen for the first time. */
    FOLDER_CREATED("folder.created"),

    /** A known folder changed (name, place). */
    FOLDER_MODIFIED("folder.modified"),

    /** A folder was deleted. */
    FOLDER_DELETED("folder.deleted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The dotted name used in webhook bodies and in configuration, such as {@code file.created}. */
    public String wireName() {
        return this.wireName;
    }

    /** Whether the item is a folder. */
    public boolean folder() {
        return this.wireName.startsWith("folder.");
    }

    /**
     * The type named {@code file.created} (or {@code FILE_CREATED}).
     * @throws IllegalArgumentException naming the types there are
     */
    public static EventType of(String name) {
        String wanted = name.strip();
        for (EventType type : values()) {
            if (type.wireName.equalsIgnoreCase(wanted) || type.name().equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown event type '" + name + "'; known: " + Arrays.stream(values())
            .map(EventType::wireName).collect(Collectors.joining(", ")));
    }

    static EventType of(boolean folder, Change change) {
        return valueOf((folder ? "FOLDER_" : "FILE_") + change.name().toUpperCase(Locale.ROOT));
    }

    /** The classifier's verdict, without the item kind. */
    enum Change {
        CREATED, MODIFIED, DELETED
    }
}
