package com.ctera.client.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a portal background task, {@code servers/{server}/bgTasks/{id}}, as returned by operations that
 * finish asynchronously (deletes, moves, {@code updateAccounts}).
 */
public record TaskRef(String server, long id) {

    // The SDK's own test for a task reference (lib/tasks.py): whatever precedes "servers/" is ignored.
    private static final Pattern REFERENCE = Pattern.compile("servers/([^/]*)/bgTasks/([1-9][0-9]*)$");

    public TaskRef {
        if (server.contains("/")) {
            throw new IllegalArgumentException("a task server name cannot contain '/'");
        }
        if (id < 1) {
            throw new IllegalArgumentException("a task id is positive");
        }
    }

    /**
     * Reads a reference from a portal answer.
     * @throws MalformedXmlException if the text does not end in {@code servers/{server}/bgTasks/{id}}
     */
    public static TaskRef parse(String reference) {
        Matcher matcher = REFERENCE.matcher(reference);
        if (!matcher.find()) {
            throw new MalformedXmlException("expected a background task reference ending in "
                    + "servers/{server}/bgTasks/{id}, found text of " + reference.length() + " characters");
        }
        try {
            return new TaskRef(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        catch (NumberFormatException ex) {
            throw new MalformedXmlException("expected a background task id that fits in 64 bits, found "
                    + matcher.group(2).length() + " digits");
        }
    }

    /** Whether the text is a task reference (the SDK's test for "this operation answered with a task"). */
    public static boolean isReference(String text) {
        return REFERENCE.matcher(text).find();
    }

    /** The reference as the portal writes it, e.g. {@code servers/MainDB/bgTasks/918908}. */
    public String path() {
        return "servers/" + this.server + "/bgTasks/" + this.id;
    }

    @Override
    public String toString() {
        return path();
    }
}
