package com.ctera.autoconfigure.analytics;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;

import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.client.analytics.InMemoryUsageSnapshotStore;
import com.ctera.client.analytics.JdbcUsageSnapshotStore;
import com.ctera.client.analytics.UsageSnapshotStore;

/**
 * The one place that decides where usage snapshots are kept: the starter's {@link CteraStore} (the application's
 * DataSource, else the embedded H2 file database), whose schema holds their table; memory only when there is no store.
 */
final class AnalyticsStoreSelector {

    private static final Log logger = LogFactory.getLog(AnalyticsStoreSelector.class);

    private AnalyticsStoreSelector() {
    }

    static UsageSnapshotStore select(ObjectProvider<CteraStore> stores) {
        CteraStore store = stores.getIfAvailable();
        if (store == null) {
            logger.info("CTERA usage snapshots are kept in memory: there is no CTERA store "
                    + "(they are lost at shutdown, so storage trends rest on the portal's own history)");
            return new InMemoryUsageSnapshotStore();
        }
        // The store opens its database on first use: the first snapshot, not start-up.
        return new JdbcUsageSnapshotStore(store::dataSource);
    }
}
