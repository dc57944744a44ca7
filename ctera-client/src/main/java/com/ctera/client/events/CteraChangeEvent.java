package com.ctera.client.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A file or folder was created, modified or deleted in a cloud folder.
 * @param id stable id derived from the change itself (portal, item, version stamp); also the {@code webhook-id}
 * @param portal the portal's configured name
 * @param type what happened
 * @param cloudFolderId the cloud folder's id
 * @param guid the item's stable id on the portal
 * @param name the item's leaf name
 * @param path the full path from the cloud folder's root (e.g. {@code My Files/docs/a.txt}), when resolved
 * @param size size in bytes, for files
 * @param fileId the file id (Direct IO), when the portal sends one
 * @param time the portal's modification time, or when the change was read
 * @param owner the cloud folder's owner as the portal names it (display name), when an owner filter asked for it
 */
public record CteraChangeEvent(String id, String portal, EventType type, long cloudFolderId, String guid,
        String name, @Nullable String path, @Nullable Long size, @Nullable Long fileId, Instant time,
        @Nullable String owner) implements CteraEvent {

    /** An event whose cloud folder owner is not known (not asked for, or received through a webhook). */
    public CteraChangeEvent(String id, String portal, EventType type, long cloudFolderId, String guid, String name,
            @Nullable String path, @Nullable Long size, @Nullable Long fileId, Instant time) {
        this(id, portal, type, cloudFolderId, guid, name, path, size, fileId, time, null);
    }

    /** This event with its full path. */
    public CteraChangeEvent withPath(String resolvedPath) {
        return new CteraChangeEvent(this.id, this.portal, this.type, this.cloudFolderId, this.guid, this.name,
                resolvedPath, this.size, this.fileId, this.time, this.owner);
    }

    /** This event with its cloud folder's owner. */
    public CteraChangeEvent withOwner(@Nullable String folderOwner) {
        return new CteraChangeEvent(this.id, this.portal, this.type, this.cloudFolderId, this.guid, this.name,
                this.path, this.size, this.fileId, this.time, folderOwner);
    }
}
