package com.ctera.client.resilience;

import java.time.Duration;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Where a shared token bucket lives: a PostgreSQL table reached through the application's {@link DataSource}.
 * @param dataSource the application's pool; its own connection timeout bounds how long taking a connection may take
 * @param table the bucket table, a plain or schema-qualified SQL identifier; one row per limiter
 * @param requestTimeout statement timeout of every store request (Bucket4j's {@code ClientSideConfig})
 * @param retryInterval after a store failure, calls go unlimited for this long before the store is asked again
 * @param createTable whether the table is created when absent
 */
public record JdbcBucketStore(DataSource dataSource, String table, Duration requestTimeout, Duration retryInterval,
        boolean createTable) {

    /** The table name used when none is configured. */
    public static final String DEFAULT_TABLE = "ctera_rate_limit_bucket";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    public JdbcBucketStore {
        if (!isValidTable(table)) {
            throw new IllegalArgumentException("shared rate-limit table must be an SQL identifier such as "
                    + DEFAULT_TABLE + " or myschema." + DEFAULT_TABLE + ", was '" + table + "'");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shared rate-limit request-timeout must be positive, was "
                    + requestTimeout);
        }
        if (retryInterval.isNegative()) {
            throw new IllegalArgumentException("shared rate-limit retry-interval must not be negative, was "
                    + retryInterval);
        }
    }

    /** Whether {@code table} may be used as the table name (it is written into SQL, so only identifiers are). */
    public static boolean isValidTable(String table) {
        return IDENTIFIER.matcher(table).matches();
    }

    /** The DDL that creates the table when absent; the column names are Bucket4j's defaults. */
    public String createTableSql() {
        return "CREATE TABLE IF NOT EXISTS " + this.table
                + " (id VARCHAR(255) PRIMARY KEY, state BYTEA, expires_at BIGINT)";
    }
}
