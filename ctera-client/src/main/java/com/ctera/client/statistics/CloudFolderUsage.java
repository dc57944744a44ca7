package com.ctera.client.statistics;

import org.jspecify.annotations.Nullable;

/**
 * One cloud folder's statistics ({@code /cloudDrives} query with {@code folderStats} and {@code folderQuota}).
 * @param name the folder's name
 * @param owner the owner as the portal writes it (a user reference)
 * @param group the folder group as the portal writes it
 * @param sizeBytes the folder's size ({@code folderStats.cloudFolderSize})
 * @param totalFiles the number of files ({@code folderStats.totalFiles})
 * @param quota the folder's quota as written ({@code folderQuota})
 */
public record CloudFolderUsage(String name, @Nullable String owner, @Nullable String group, @Nullable Long sizeBytes,
        @Nullable Long totalFiles, @Nullable String quota) {
}
