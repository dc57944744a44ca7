package com.ctera.autoconfigure.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** Where a limit shared by several application instances keeps its bucket ({@code rate-limit.jdbc.*}). */
public class SharedLimitProperties {

    /**
     * Table of the shared buckets, one row per limiter; created when absent. A plain or schema-qualified SQL
     * identifier. Defaults to ctera_rate_limit_bucket.
     */
    private @Nullable String table;

    /** Bean name of the DataSource that holds the table. Defaults to the application's only DataSource. */
    private @Nullable String dataSource;

    /** Statement timeout of each request to the store. Defaults to 2s. */
    private @Nullable Duration requestTimeout;

    /**
     * After the store fails, calls go ahead unlimited for this long before the store is asked again. Defaults to 5s.
     */
    private @Nullable Duration retryInterval;

    /** Whether the table is created when absent. Defaults to true. */
    private @Nullable Boolean createTable;

    public @Nullable String getTable() {
        return this.table;
    }

    public void setTable(@Nullable String table) {
        this.table = table;
    }

    public @Nullable String getDataSource() {
        return this.dataSource;
    }

    public void setDataSource(@Nullable String dataSource) {
        this.dataSource = dataSource;
    }

    public @Nullable Duration getRequestTimeout() {
        return this.requestTimeout;
    }

    public void setRequestTimeout(@Nullable Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public @Nullable Duration getRetryInterval() {
        return this.retryInterval;
    }

    public void setRetryInterval(@Nullable Duration retryInterval) {
        this.retryInterval = retryInterval;
    }

    public @Nullable Boolean getCreateTable() {
        return this.createTable;
    }

    public void setCreateTable(@Nullable Boolean createTable) {
        this.createTable = createTable;
    }
}
