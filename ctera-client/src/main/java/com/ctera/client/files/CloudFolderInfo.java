package com.ctera.client.files;

import org.jspecify.annotations.Nullable;

/**
 * The cloud folder an item lives in; its {@code uid} addresses uploads and zip downloads.
 * @param uid the cloud folder's id
 * @param name the cloud folder's name
 * @param groupUid its folder group
 * @param passphraseProtected whether it is protected by a passphrase
 * @param ownerUid the owner's user id
 * @param ownerFriendlyName the owner's display name
 */
public record CloudFolderInfo(long uid, @Nullable String name, @Nullable Long groupUid, boolean passphraseProtected,
        @Nullable Long ownerUid, @Nullable String ownerFriendlyName) {
}
