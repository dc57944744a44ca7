package com.ctera.autoconfigure.bulk;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ctera.autoconfigure.client.CteraProperties;
import com.ctera.autoconfigure.client.PortalProperties;
import com.ctera.client.CteraPortal;
import com.ctera.client.bulk.BulkExecutor;
import com.ctera.client.bulk.BulkJob;
import com.ctera.client.bulk.BulkMonitor;
import com.ctera.client.bulk.BulkOptions;
import com.ctera.client.bulk.BulkResult;
import com.ctera.client.bulk.CteraBulk;

/** Makes the {@link CteraBulk} of a portal with its resolved options and every {@link BulkMonitor} bean. */
public final class CteraBulkFactory {

    private static final Logger logger = LoggerFactory.getLogger(CteraBulkFactory.class);

    private final CteraProperties properties;

    private final CteraBulkProperties shared;

    private final Supplier<@Nullable PortalProperties> embedded;

    private final BulkMonitor monitor;

    /**
     * @param embedded the embedded portal's properties, when there is one
     * @param monitors told of every job, in this order
     */
    public CteraBulkFactory(CteraProperties properties, CteraBulkProperties shared,
            Supplier<@Nullable PortalProperties> embedded, List<BulkMonitor> monitors) {
        this.properties = properties;
        this.shared = shared;
        this.embedded = embedded;
        this.monitor = new AllMonitors(List.copyOf(monitors));
    }

    /** The options of a portal by name. */
    public BulkOptions options(String portalName) {
        PortalProperties portal = this.properties.configuredPortals().get(portalName);
        if (portal == null) {
            portal = this.embedded.get();
        }
        return BulkSettingsResolver.resolve(portal, this.properties.getDefaults(), this.shared);
    }

    /** The bulk operations of a portal. */
    public CteraBulk create(CteraPortal portal) {
        return new CteraBulk(portal.reactive(), new BulkExecutor(portal.name(), options(portal.name()),
                this.monitor));
    }

    /** Tells each monitor in turn; one that throws is logged and the others are still told. */
    private record AllMonitors(List<BulkMonitor> monitors) implements BulkMonitor {

        @Override
        public void jobStarted(BulkJob job) {
            for (BulkMonitor each : this.monitors) {
                try {
                    each.jobStarted(job);
                }
                catch (RuntimeException ex) {
                    logger.warn("Bulk monitor {} failed on the start of {}: {}", each, job.name(), ex.toString());
                }
            }
        }

        @Override
        public void jobFinished(BulkJob job, BulkResult result) {
            for (BulkMonitor each : this.monitors) {
                try {
                    each.jobFinished(job, result);
                }
                catch (RuntimeException ex) {
                    logger.warn("Bulk monitor {} failed on the end of {}: {}", each, job.name(), ex.toString());
                }
            }
        }
    }
}
