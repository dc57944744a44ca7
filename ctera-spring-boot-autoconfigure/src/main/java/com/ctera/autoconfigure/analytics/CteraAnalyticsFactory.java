package com.ctera.autoconfigure.analytics;

import java.time.Clock;

import com.ctera.client.CteraPortal;
import com.ctera.client.analytics.PortalAnalytics;
import com.ctera.client.analytics.UsageSnapshotStore;

/** Makes the analytics of one portal from the properties and the shared snapshot store. */
public final class CteraAnalyticsFactory {

    private final CteraAnalyticsProperties properties;

    private final UsageSnapshotStore store;

    private final Clock clock;

    CteraAnalyticsFactory(CteraAnalyticsProperties properties, UsageSnapshotStore store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    /** The analytics of this portal. */
    public PortalAnalytics create(CteraPortal portal) {
        return new PortalAnalytics(portal, this.store, this.properties.fields(), this.properties.auditSettings(),
                this.clock);
    }
}
