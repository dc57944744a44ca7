package com.ctera.client.events;

import org.jspecify.annotations.Nullable;

/**
 * The classification state of one item after a batch: what the next batch needs to tell "modified" from "created".
 * @param guid the item's id
 * @param folderId its cloud folder
 * @param folder whether it is a folder
 * @param deleted whether it is gone (its row is removed)
 * @param existed whether the store knew it before the batch
 */
record ItemUpdate(String guid, @Nullable Long folderId, boolean folder, boolean deleted, boolean existed) {
}
