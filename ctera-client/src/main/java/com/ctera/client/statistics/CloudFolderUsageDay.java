package com.ctera.client.statistics;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One day's use of one cloud folder from the portal's usage history ({@code queryUsageHistory}: the simulator's
 * schema, an assumption to check against a real portal, see the simulator's ASSUMPTIONS.md "Usage").
 * @param date the day
 * @param tenant the tenant ({@code portal})
 * @param owner the folder owner's user name
 * @param cloudFolder the folder's name
 * @param sizeBytes bytes stored that day
 * @param totalFiles files stored that day, when written
 * @param quotaBytes the folder's quota in bytes, when written
 */
public record CloudFolderUsageDay(LocalDate date, String tenant, @Nullable String owner, String cloudFolder,
        long sizeBytes, @Nullable Long totalFiles, @Nullable Long quotaBytes) {
}
