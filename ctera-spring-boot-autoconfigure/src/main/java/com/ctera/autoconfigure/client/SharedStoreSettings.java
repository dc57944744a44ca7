package com.ctera.autoconfigure.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The resolved store of a shared (JDBC) limit.
 * @param table the bucket table
 * @param dataSource bean name of the DataSource, or null for the application's only one
 * @param requestTimeout statement timeout of each store request
 * @param retryInterval unlimited time after a store failure before the store is asked again
 * @param createTable whether the table is created when absent
 */
public record SharedStoreSettings(String table, @Nullable String dataSource, Duration requestTimeout,
        Duration retryInterval, boolean createTable) {
}
