package com.ctera.client.notifications;

import org.jspecify.annotations.Nullable;

/**
 * One change of the feed, with exactly the fields the SDK accepts (protocol §5.6). The feed does not say whether
 * an item was created or modified; {@link #deleted()} marks a deletion. {@link #name()} is the leaf name only: ask
 * {@code ancestors} for the full path.
 * @param type {@code file} or {@code folder}
 * @param guid the item's stable id
 * @param folderId the cloud folder's id
 * @param deleted whether the item was deleted
 * @param name the item's leaf name
 * @param modified the modification time as written
 * @param portalModifiedDate the portal's modification time as written
 * @param fileTimestamp the file's own timestamp as written
 * @param size size in bytes
 * @param id the file id (usable with Direct IO)
 * @param acl the item's ACL in SDDL, if any
 * @param gvsn the item's version stamp
 * @param parentGuid the parent folder's guid
 * @param virtualPortalId the tenant's id
 */
public record ChangeEntry(String type, String guid, @Nullable Long folderId, boolean deleted, String name,
        @Nullable String modified, @Nullable String portalModifiedDate, @Nullable String fileTimestamp,
        @Nullable Long size, @Nullable Long id, @Nullable String acl, @Nullable String gvsn,
        @Nullable String parentGuid, @Nullable String virtualPortalId) {

    /** Whether the changed item is a folder. */
    public boolean folder() {
        return "folder".equals(this.type);
    }
}
