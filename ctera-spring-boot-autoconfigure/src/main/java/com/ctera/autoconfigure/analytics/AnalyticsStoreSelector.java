package com.ctera.autoconfigure.analytics;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;

import com.ctera.client.analytics.InMemoryUsageSnapshotStore;
import com.ctera.client.analytics.JdbcUsageSnapshotStore;
import com.ctera.client.analytics.UsageSnapshotStore;

/**
 * The one place that decides where usage snapshots are kept: the application's {@link DataSource} when it has
 * exactly one (the table is created if missing), otherwise memory. When the starter's own JDBC store exists, this is
 * where it plugs in.
 */
final class AnalyticsStoreSelector {

    private static final Log logger = LogFactory.getLog(AnalyticsStoreSelector.class);

    private AnalyticsStoreSelector() {
    }

    static UsageSnapshotStore select(ObjectProvider<DataSource> dataSources) {
        DataSource dataSource = dataSources.getIfUnique();
        if (dataSource == null) {
            logger.info("CTERA usage snapshots are kept in memory: the application has no single DataSource "
                    + "(they are lost at shutdown, so storage trends rest on the portal's own history)");
            return new InMemoryUsageSnapshotStore();
        }
        JdbcUsageSnapshotStore store = new JdbcUsageSnapshotStore(dataSource);
        store.createSchema();
        logger.info("CTERA usage snapshots are kept in the application's DataSource (table ctera_usage_snapshot)");
        return store;
    }
}
