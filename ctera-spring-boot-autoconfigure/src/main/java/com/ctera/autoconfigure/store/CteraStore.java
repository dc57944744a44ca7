package com.ctera.autoconfigure.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The database the starter keeps its state in (event cursors and publications, webhook deliveries, snapshots): the
 * application's DataSource, or an embedded H2 file database opened on first use. Its schema is in place before
 * {@link #dataSource()} returns.
 */
public final class CteraStore implements AutoCloseable {

    private final Supplier<DataSource> opener;

    private final boolean embedded;

    private volatile @Nullable DataSource dataSource;

    private volatile @Nullable Dialect dialect;

    private volatile Runnable closer = () -> { };

    CteraStore(Supplier<DataSource> opener, boolean embedded, @Nullable Dialect knownDialect) {
        this.opener = opener;
        this.embedded = embedded;
        this.dialect = knownDialect;
    }

    /**
     * A store over a DataSource the caller manages, whose schema is already in place (tests, other wiring).
     */
    public static CteraStore of(DataSource dataSource) {
        return new CteraStore(() -> dataSource, false, null);
    }

    /** The store's DataSource, opened (and its schema applied) on the first call. */
    public DataSource dataSource() {
        DataSource current = this.dataSource;
        if (current == null) {
            synchronized (this) {
                current = this.dataSource;
                if (current == null) {
                    current = this.opener.get();
                    this.dataSource = current;
                }
            }
        }
        return current;
    }

    /** The database's SQL dialect. */
    public Dialect dialect() {
        Dialect known = this.dialect;
        if (known == null) {
            known = Dialect.of(dataSource());
            this.dialect = known;
        }
        return known;
    }

    /** Whether this is the starter's own embedded H2 file database rather than the application's. */
    public boolean embedded() {
        return this.embedded;
    }

    void onClose(Runnable action) {
        this.closer = action;
    }

    /** Closes the embedded database when the starter opened one; the application's DataSource is left alone. */
    @Override
    public void close() {
        this.closer.run();
    }

    @Override
    public String toString() {
        return "CteraStore[" + (this.embedded ? "embedded H2" : "application DataSource") + "]";
    }

    /** The databases the store's scripts are written for. */
    public enum Dialect {

        /** H2 2.x, embedded or server. */
        H2,

        /** PostgreSQL 12 or later (SKIP LOCKED claims, several instances). */
        POSTGRESQL;

        /** The dialect of a DataSource, from its connection's metadata. */
        public static Dialect of(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName();
                String name = product.toLowerCase(Locale.ROOT);
                if (name.contains("h2")) {
                    return H2;
                }
                if (name.contains("postgres")) {
                    return POSTGRESQL;
                }
                throw new IllegalStateException("Invalid CTERA configuration: the store's DataSource is " + product
                        + "; ctera.store supports H2 and PostgreSQL (mark another DataSource with @CteraDataSource, "
                        + "or let the starter create its embedded H2 database)");
            }
            catch (SQLException ex) {
                throw new IllegalStateException("The CTERA store's database does not answer: " + ex.getMessage(), ex);
            }
        }

        /** The name used in the shipped script's file name, {@code schema-<name>.sql}. */
        public String scriptName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
