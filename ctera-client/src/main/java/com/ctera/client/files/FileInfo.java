package com.ctera.client.files;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A file or folder as the portal describes it ({@code ResourceInfo}, protocol §5.4.2).
 * @param path the item's path, as users write it
 * @param name the item's name
 * @param fileId the portal's file id (what the change feed calls {@code id}), when given
 * @param folder whether it is a folder
 * @param deleted whether it is in the recycle bin
 * @param size size in bytes
 * @param lastModified last modification time, portal local time as written
 * @param permalink a permanent link to the item
 * @param scope where it lives, such as {@code Personal} or {@code Root}
 * @param permission the session's access, such as {@code ReadWrite}
 * @param cloudFolder the cloud folder holding it; {@code null} above the cloud folders
 */
public record FileInfo(String path, String name, @Nullable Long fileId, boolean folder, boolean deleted, long size,
        @Nullable LocalDateTime lastModified, @Nullable String permalink, @Nullable String scope,
        @Nullable String permission, @Nullable CloudFolderInfo cloudFolder) {

    /** Whether the session may write in or to this item. */
    public boolean writable() {
        return this.permission == null || "ReadWrite".equals(this.permission);
    }
}
