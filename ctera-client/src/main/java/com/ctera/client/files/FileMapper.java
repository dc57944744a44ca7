package com.ctera.client.files;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.XmlList;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;

/** Reads {@code ResourceInfo}, {@code FetchResourcesResponse} and {@code SnapshotResp} objects. */
final class FileMapper {

    private FileMapper() {
    }

    /** One page of a {@code fetchResources} answer. */
    record Listing(@Nullable FileInfo root, List<FileInfo> items, boolean hasMore, @Nullable String errorType) {
    }

    static Listing toListing(XmlValue answer) {
        if (!(answer instanceof XmlObject response)) {
            throw new MalformedXmlException("expected a FetchResourcesResponse <obj>, found another value");
        }
        XmlObject root = response.object("root");
        List<FileInfo> items = new ArrayList<>();
        for (XmlValue item : response.list("items")) {
            if (item instanceof XmlObject resource) {
                items.add(toFile(resource));
            }
        }
        String errorType = response.text("errorType");
        return new Listing((root != null) ? toFile(root) : null, items,
                Boolean.parseBoolean(response.optionalText("hasMore").orElse("false")),
                (errorType == null || errorType.isBlank()) ? null : errorType);
    }

    static FileInfo toFile(XmlObject resource) {
        String href = resource.requireText("href");
        PortalPath path = PortalPath.fromHref(href);
        // A portal's name is used as a local file name by callers (download into a directory): it must stay there.
        String name = resource.optionalText("name").orElse(path.name());
        if (!path.isRoot()) {
            FileNames.requireSafe(name, InvalidFileNameException.Origin.PORTAL);
        }
        XmlObject folder = resource.object("cloudFolderInfo");
        return new FileInfo(path.relative(), name, longOrNull(resource.text("fileId")),
                bool(resource.text("isFolder")), bool(resource.text("isDeleted")),
                longOr(resource.text("size"), 0L), dateTime(resource.text("lastmodified")),
                resource.text("permalink"), resource.text("scope"), resource.text("permission"),
                (folder != null) ? toCloudFolder(folder) : null);
    }

    static List<FileVersion> toVersions(XmlValue answer) {
        List<FileVersion> versions = new ArrayList<>();
        if (!(answer instanceof XmlList list)) {
            return versions;
        }
        for (XmlValue item : list.items()) {
            if (item instanceof XmlObject snapshot) {
                String url = snapshot.optionalText("url").orElse("");
                String path = snapshot.optionalText("path").orElse("");
                String joined = url.endsWith("/") || path.startsWith("/") || url.isEmpty() ? url + path
                        : url + "/" + path;
                versions.add(new FileVersion(PortalPath.fromHref(joined).relative(),
                        bool(snapshot.text("current")), dateTime(snapshot.text("startTimestamp")),
                        dateTime(snapshot.text("calculatedTimestamp"))));
            }
        }
        return versions;
    }

    private static CloudFolderInfo toCloudFolder(XmlObject folder) {
        return new CloudFolderInfo(longOr(folder.text("uid"), -1L), folder.text("name"),
                longOrNull(folder.text("groupUid")), bool(folder.text("passphraseProtected")),
                longOrNull(folder.text("ownerUid")), folder.text("ownerFriendlyName"));
    }

    static boolean bool(@Nullable String text) {
        return text != null && Boolean.parseBoolean(text.trim());
    }

    static @Nullable Long longOrNull(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static long longOr(@Nullable String text, long fallback) {
        Long value = longOrNull(text);
        return (value != null) ? value : fallback;
    }

    /** ISO date-time as the portal writes it (no zone, or with an offset that is dropped); null when unreadable. */
    static @Nullable LocalDateTime dateTime(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return LocalDateTime.parse(trimmed);
        }
        catch (DateTimeParseException ex) {
            try {
                return OffsetDateTime.parse(trimmed).toLocalDateTime();
            }
            catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static @Nullable String textOf(XmlValue value) {
        return (value instanceof XmlText text) ? text.text() : null;
    }
}
