package com.ctera.client.analytics;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Storage use on one day, summed over the folders in scope, with the change since the day before.
 * @param date the day (UTC)
 * @param usedBytes bytes stored, the last value of each folder that day
 * @param growthBytes change from the previous day in the series, {@code null} for the first
 * @param quotaBytes the folders' quotas summed, {@code null} when one is unknown
 * @param folders how many folders the day's value sums
 */
public record DailyUsage(LocalDate date, long usedBytes, @Nullable Long growthBytes, @Nullable Long quotaBytes,
        int folders) {
}
