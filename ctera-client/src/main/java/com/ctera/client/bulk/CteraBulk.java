package com.ctera.client.bulk;

import java.time.Duration;
import java.util.List;

import com.ctera.client.CteraPortal;
import com.ctera.client.ReactiveCteraPortal;

/**
 * The bulk operations of one portal: users, files, and any job of the caller's own, all run by one
 * {@link BulkExecutor} with the portal's options and monitor. The starter makes one per portal.
 */
public final class CteraBulk {

    private final BulkExecutor executor;

    private final BulkUsers users;

    private final BulkFiles files;

    /** Bulk operations of a portal through this executor. */
    public CteraBulk(ReactiveCteraPortal portal, BulkExecutor executor) {
        this.executor = executor;
        this.users = new BulkUsers(portal, executor);
        this.files = new BulkFiles(portal, executor);
    }

    /** Bulk operations of a portal with these options and no monitor. */
    public static CteraBulk of(CteraPortal portal, BulkOptions options) {
        return new CteraBulk(portal.reactive(), new BulkExecutor(portal.name(), options, BulkMonitor.NONE));
    }

    /** Bulk operations of a portal with the default options. */
    public static CteraBulk of(CteraPortal portal) {
        return of(portal, BulkOptions.DEFAULTS);
    }

    /** Users created, modified or deleted in bulk. */
    public BulkUsers users() {
        return this.users;
    }

    /** Files uploaded, downloaded, deleted, moved or copied in bulk. */
    public BulkFiles files() {
        return this.files;
    }

    /** The engine, for jobs of the caller's own operations. */
    public BulkExecutor executor() {
        return this.executor;
    }

    /** Starts a job of the caller's own operations with the portal's options. */
    public BulkJob start(String name, List<BulkOperation> operations) {
        return this.executor.start(name, operations);
    }

    /**
     * Refuses new jobs and stops the running ones from starting items, then waits for their results within the
     * grace period; see {@link BulkExecutor#shutdown(Duration)}.
     */
    public List<BulkResult> shutdown(Duration grace) {
        return this.executor.shutdown(grace);
    }

    @Override
    public String toString() {
        return "CteraBulk[" + this.executor.portal() + "]";
    }
}
