package com.ctera.client.events;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which change events a listener or a webhook endpoint wants: an empty set or list means "any". Paths are globs over
 * the full path from the cloud folder's root ({@code *} within a level, {@code **} across levels, a leading
 * {@code /} optional), so a filter with paths makes the poller resolve paths. Owners are the cloud folder owners'
 * names as the portal shows them (display name), compared ignoring case; a filter with owners makes the poller
 * look owners up.
 * @param types the event types, e.g. {@link EventType#FILE_CREATED}
 * @param paths path globs such as {@code My Files/finance/**}
 * @param cloudFolders cloud folder ids
 * @param owners cloud folder owners such as {@code Alice Wonderland}
 */
public record EventFilter(Set<EventType> types, List<String> paths, Set<Long> cloudFolders, Set<String> owners) {

    /** Every change. */
    public static final EventFilter ALL = new EventFilter(Set.of(), List.of(), Set.of(), Set.of());

    public EventFilter {
        types = Set.copyOf(types);
        paths = List.copyOf(paths);
        cloudFolders = Set.copyOf(cloudFolders);
        for (String glob : paths) {
            if (glob.isBlank()) {
                throw new IllegalArgumentException("A path glob must not be blank");
            }
        }
        Set<String> folded = new HashSet<>();
        for (String owner : owners) {
            if (owner.isBlank()) {
                throw new IllegalArgumentException("An owner must not be blank");
            }
            folded.add(fold(owner));
        }
        owners = Set.copyOf(folded);
    }

    /** A filter on types, paths and cloud folders, any owner. */
    public EventFilter(Set<EventType> types, List<String> paths, Set<Long> cloudFolders) {
        this(types, paths, cloudFolders, Set.of());
    }

    /** Only these types. */
    public static EventFilter types(EventType... wanted) {
        return new EventFilter(Set.of(wanted), List.of(), Set.of(), Set.of());
    }

    /** Only changes in cloud folders of these owners. */
    public static EventFilter owners(String... wanted) {
        return new EventFilter(Set.of(), List.of(), Set.of(), Set.of(wanted));
    }

    /** Whether matching needs the full path of an item. */
    public boolean needsPath() {
        return !this.paths.isEmpty();
    }

    /** Whether matching needs the owner of an item's cloud folder. */
    public boolean needsOwner() {
        return !this.owners.isEmpty();
    }

    /** Whether the event passes; a path glob (an owner) never matches an event whose path (owner) is not known. */
    public boolean matches(CteraChangeEvent event) {
        if (!this.types.isEmpty() && !this.types.contains(event.type())) {
            return false;
        }
        if (!this.cloudFolders.isEmpty() && !this.cloudFolders.contains(event.cloudFolderId())) {
            return false;
        }
        if (!this.owners.isEmpty() && (event.owner() == null || !this.owners.contains(fold(event.owner())))) {
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

    private static String fold(String owner) {
        return owner.strip().toLowerCase(Locale.ROOT);
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
