package com.ctera.benchmarks.codec;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Large portal answers, generated deterministically in the compact form the portal writes: a user query page
 * ({@code QueryResult} of full {@code PortalUser} objects, protocol §4.1) and a folder listing
 * ({@code FetchResourcesResponse} of {@code ResourceInfo} objects, protocol §5.4.2).
 */
public final class WireSamples {

    private static final String[] FIRST_NAMES = { "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Mason",
            "Isabella", "Lucas", "Mia", "Logan", "Amelia", "James", "Harper", "Benjamin", "Zoë", "José" };

    private static final String[] LAST_NAMES = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas" };

    private static final String[] ROLES = { "EndUser", "EndUser", "EndUser", "EndUser", "ReadWriteAdmin",
            "ReadOnlyAdmin", "Support", "Disabled" };

    private static final String[] EXTENSIONS = { "docx", "xlsx", "pdf", "png", "txt", "pptx", "csv", "zip" };

    private WireSamples() {
    }

    /** A {@code QueryResult} page holding {@code users} full {@code PortalUser} objects. */
    public static byte[] userQuery(int users) {
        StringBuilder out = new StringBuilder(users * 640);
        out.append("<obj class=\"QueryResult\"><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list>");
        for (int i = 0; i < users; i++) {
            String first = FIRST_NAMES[i % FIRST_NAMES.length];
            String last = LAST_NAMES[(i / FIRST_NAMES.length) % LAST_NAMES.length];
            String name = (first + "." + last + "." + i).toLowerCase(Locale.ROOT);
            out.append("<obj class=\"PortalUser\">");
            text(out, "name", name);
            text(out, "uid", Long.toString(100_000L + i));
            text(out, "email", name + "@acme.example.com");
            text(out, "firstName", first);
            text(out, "lastName", last);
            text(out, "role", ROLES[i % ROLES.length]);
            // Escaped text appears in real data; keep some so the parser's entity path is part of the measure.
            text(out, "company", (i % 10 == 0) ? "Smith &amp; Sons" : "Acme Corp");
            if (i % 7 == 0) {
                text(out, "comment", "Migrated from the old directory &lt;2019&gt;");
            }
            else {
                nullAttribute(out, "comment");
            }
            nullAttribute(out, "requirePasswordChangeOn");
            nullAttribute(out, "password");
            nullAttribute(out, "domain");
            text(out, "baseObjectRef", "objs/" + (100_000L + i) + "/acme/PortalUser/" + name);
            out.append("</obj>");
        }
        out.append("</list></att></obj>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code FetchResourcesResponse} listing {@code items} files and folders of one directory. */
    public static byte[] folderListing(int items) {
        StringBuilder out = new StringBuilder(items * 1100);
        String root = "/ServicesPortal/webdav/My%20Files/projects";
        out.append("<obj class=\"FetchResourcesResponse\"><att id=\"root\">");
        resource(out, root, "projects", 9_000, true, 0, 0);
        out.append("</att><att id=\"items\"><list>");
        for (int i = 0; i < items; i++) {
            boolean folder = i % 10 == 0;
            String name = folder ? "folder-" + i : "report-" + i + "." + EXTENSIONS[i % EXTENSIONS.length];
            resource(out, root + "/" + name, name, 10_000 + i, folder, folder ? 0 : 1_024L * (i % 5_000 + 1), i);
        }
        out.append("</list></att><att id=\"hasMore\"><val>false</val></att><att id=\"errorType\" /></obj>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void resource(StringBuilder out, String href, String name, long fileId, boolean folder, long size,
            int index) {
        out.append("<obj class=\"ResourceInfo\">");
        text(out, "href", href);
        text(out, "name", name);
        text(out, "fileId", Long.toString(fileId));
        text(out, "isFolder", Boolean.toString(folder));
        text(out, "isDeleted", "false");
        text(out, "size", Long.toString(size));
        text(out, "permalink", "https://portal.example.com/ServicesPortal/link/" + Long.toHexString(fileId * 7919L));
        text(out, "lastmodified", String.format(Locale.ROOT, "2026-%02d-%02dT%02d:%02d:%02d", index % 12 + 1,
                index % 28 + 1, index % 24, index % 60, (index * 7) % 60));
        text(out, "scope", "Personal");
        text(out, "permission", "ReadWrite");
        out.append("<att id=\"cloudFolderInfo\"><obj>");
        text(out, "uid", "123");
        text(out, "name", "My Files");
        text(out, "groupUid", "7");
        text(out, "passphraseProtected", "false");
        text(out, "ownerUid", "55");
        text(out, "ownerFriendlyName", "Alice Wonderland");
        out.append("</obj></att></obj>");
    }

    private static void text(StringBuilder out, String attribute, String escapedText) {
        out.append("<att id=\"").append(attribute).append("\"><val>").append(escapedText).append("</val></att>");
    }

    private static void nullAttribute(StringBuilder out, String attribute) {
        out.append("<att id=\"").append(attribute).append("\" />");
    }
}
