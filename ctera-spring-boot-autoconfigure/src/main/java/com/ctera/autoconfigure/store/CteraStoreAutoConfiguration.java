package com.ctera.autoconfigure.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The {@link CteraStore}: the DataSource marked {@link CteraDataSource}, else the application's only (or primary)
 * DataSource, else an embedded H2 file database at {@code ctera.store.path}, which is not registered as a DataSource
 * bean (that would switch on Boot's JDBC auto-configurations). Nothing is opened until a feature uses the store.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(CteraStoreProperties.class)
public final class CteraStoreAutoConfiguration {

    private static final String H2_POOL = "org.h2.jdbcx.JdbcConnectionPool";

    // Poller, publication replay and the delivery workers each hold a connection only briefly.
    private static final int EMBEDDED_POOL_SIZE = 16;

    @Bean
    @ConditionalOnMissingBean
    CteraStore cteraStore(CteraStoreProperties properties, @CteraDataSource ObjectProvider<DataSource> marked,
            ObjectProvider<DataSource> dataSources) {
        DataSource application = marked.getIfAvailable();
        if (application == null) {
            application = dataSources.getIfUnique();
        }
        if (application != null) {
            DataSource chosen = application;
            return new CteraStore(() -> initialized(chosen, properties, false), false, null);
        }
        if (!ClassUtils.isPresent(H2_POOL, CteraStoreAutoConfiguration.class.getClassLoader())) {
            return new CteraStore(() -> {
                throw new IllegalStateException("Invalid CTERA configuration: ctera.events / ctera.webhooks need a "
                        + "database and the application has none: add com.h2database:h2 (the starter's embedded "
                        + "store, at ctera.store.path) or a DataSource (spring.datasource.url)");
            }, true, CteraStore.Dialect.H2);
        }
        return EmbeddedStore.create(properties);
    }

    static DataSource initialized(DataSource dataSource, CteraStoreProperties properties, boolean embedded) {
        CteraStore.Dialect dialect = CteraStore.Dialect.of(dataSource);
        boolean apply = switch (properties.getInitializeSchema()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case EMBEDDED -> embedded || dialect == CteraStore.Dialect.H2;
        };
        if (apply) {
            CteraStoreSchema.apply(dataSource, dialect);
        }
        return dataSource;
    }

    /** The starter's own H2 file database, pooled by H2 itself, closed with the context. */
    static final class EmbeddedStore {

        private EmbeddedStore() {
        }

        static CteraStore create(CteraStoreProperties properties) {
            String path = properties.getPath();
            if (path.isBlank()) {
                throw new IllegalStateException("Invalid CTERA configuration: ctera.store.path must not be blank");
            }
            String url = "jdbc:h2:file:" + Path.of(path).toAbsolutePath().normalize() + ";DB_CLOSE_ON_EXIT=FALSE";
            Holder holder = new Holder();
            CteraStore store = new CteraStore(() -> {
                JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
                pool.setMaxConnections(EMBEDDED_POOL_SIZE);
                holder.pool = pool;
                return initialized(pool, properties, true);
            }, true, CteraStore.Dialect.H2);
            store.onClose(holder::close);
            return store;
        }

        private static final class Holder {

            private volatile @Nullable JdbcConnectionPool pool;

            void close() {
                JdbcConnectionPool open = this.pool;
                if (open != null) {
                    open.dispose();
                }
            }
        }
    }
}
