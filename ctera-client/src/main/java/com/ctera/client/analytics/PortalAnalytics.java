package com.ctera.client.analytics;

import java.time.Clock;
import java.util.Objects;

import com.ctera.client.CteraPortal;
import com.ctera.client.analytics.report.ReportBuilder;

/**
 * Every analytic of one portal, built from its {@link CteraPortal}: what the starter exposes as a bean per portal
 * ({@code <name>CteraAnalytics}).
 */
public final class PortalAnalytics {

    private final CteraPortal portal;

    private final UsageSnapshotStore snapshots;

    private final UserActivityAnalytics userActivity;

    private final StorageTrendsAnalytics storageTrends;

    private final SecurityAuditAnalytics securityAudit;

    private final UsageSnapshotRecorder recorder;

    private final LogSource logs;

    /**
     * @param portal the portal read
     * @param snapshots where usage snapshots are kept
     * @param fields which log attributes mean user, address, action and outcome
     * @param settings the security audit's thresholds
     * @param clock now
     */
    public PortalAnalytics(CteraPortal portal, UsageSnapshotStore snapshots, LogFields fields, AuditSettings settings,
            Clock clock) {
        this.portal = Objects.requireNonNull(portal, "portal");
        this.snapshots = snapshots;
        this.logs = LogSource.of(portal);
        this.userActivity = new UserActivityAnalytics(this.logs, () -> portal.users().list(), fields, clock);
        this.storageTrends = StorageTrendsAnalytics.of(portal, snapshots, clock);
        this.securityAudit = new SecurityAuditAnalytics(this.logs, () -> portal.users().list(), portal.baseUrl(),
                fields, settings, clock);
        this.recorder = new UsageSnapshotRecorder(portal, snapshots, clock);
    }

    /** The portal analysed. */
    public CteraPortal portal() {
        return this.portal;
    }

    /** Most active and inactive users, activity per day. */
    public UserActivityAnalytics userActivity() {
        return this.userActivity;
    }

    /** Daily use, growth, forecast, savings. */
    public StorageTrendsAnalytics storageTrends() {
        return this.storageTrends;
    }

    /** Failed logins, denied operations, anomalies, compliance reports. */
    public SecurityAuditAnalytics securityAudit() {
        return this.securityAudit;
    }

    /** Takes usage snapshots into {@link #snapshots()}. */
    public UsageSnapshotRecorder recorder() {
        return this.recorder;
    }

    /** The snapshot store. */
    public UsageSnapshotStore snapshots() {
        return this.snapshots;
    }

    /** The portal's access and audit logs, merged in time order, for reports. */
    public LogSource logs() {
        return this.logs;
    }

    /** A report builder; sources are in {@link com.ctera.client.analytics.report.ReportSources}. */
    public ReportBuilder report(String title) {
        return ReportBuilder.titled(title);
    }

    @Override
    public String toString() {
        return "PortalAnalytics[" + this.portal.name() + "]";
    }
}
