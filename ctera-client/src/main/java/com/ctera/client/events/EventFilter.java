package com.ctera.client.events;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which change events a listener or a webhook endpoint wants: an empty set or list means "any". Paths are globs over
 * the full path from the cloud folder's root ({@code *} within a level, {@code **} across levels, a leading
 * {@code /} optional), so a filter with paths makes the poller resolve paths.
 * @param types the event types, e.g. {@link EventType#FILE_CREATED}
 * @param paths path globs such as {@code My Files/finance/**}
 * @param cloudFolders cloud folder ids
 */
public record EventFilter(Set<EventType> types, List<String> paths, Set<Long> cloudFolders) {

    /** Every change. */
    public static final EventFilter ALL = new EventFilter(Set.of(), List.of(), Set.of());

    public EventFilter {
        types = Set.copyOf(types);
        paths = List.copyOf(paths);
        cloudFolders = Set.copyOf(cloudFolders);
        for (String glob : paths) {
            if (glob.isBlank()) {
                throw new IllegalArgumentException("A path glob must not be blank");
            }
        }
    }

    /** Only these types. */
    public static EventFilter types(EventType... wanted) {
        return new EventFilter(Set.of(wanted), List.of(), Set.of());
    }

    /** Whether matching needs the full path of an item. */
    public boolean needsPath() {
        return !this.paths.isEmpty();
    }

    /** Whether the event passes; a path glob never matches an event whose path was not resolved. */
    public boolean matches(CteraChangeEvent event) {
        if (!this.types.isEmpty() && !this.types.contains(event.type())) {
            return false;
        }
        if (!this.cloudFolders.isEmpty() && !this.cloudFolders.contains(event.cloudFolderId())) {
            return false;
        }
        if (this.paths.isEmpty()) {
            return true;
        }
        String path = event.path();
        if (path == null) {
            return false;
        }
        String normalized = strip(path);
        for (String glob : this.paths) {
            if (toRegex(strip(glob)).matcher(normalized).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String path) {
        String result = path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        return result;
    }

    static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                // "dir/**" also matches "dir" itself.
                if (regex.length() >= 1 && regex.charAt(regex.length() - 1) == '/') {
                    regex.setLength(regex.length() - 1);
                    regex.append("(/.*)?");
                }
                else {
                    regex.append(".*");
                }
                i++;
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                    i++;
                    regex.append("/?");
                }
            }
            else if (c == '*') {
                regex.append("[^/]*");
            }
            else if (c == '?') {
                regex.append("[^/]");
            }
            else if (Character.isLetterOrDigit(c) || c == '/') {
                regex.append(c);
            }
            else {
                // A backslash before any non-letter is a literal in a Java regex.
                regex.append('\\').append(c);
            }
        }
        return Pattern.compile(regex.toString());
    }
}
