package com.ctera.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.ctera.client.devices.ReactiveDevices;
import com.ctera.client.files.ReactiveCloudFiles;
import com.ctera.client.logs.ReactiveLogs;
import com.ctera.client.notifications.ReactiveNotifications;
import com.ctera.client.reports.ReactiveReports;
import com.ctera.client.session.PortalCalls;
import com.ctera.client.session.SessionInfo;
import com.ctera.client.statistics.ReactiveStatistics;
import com.ctera.client.tasks.ReactiveTasks;
import com.ctera.client.users.ReactiveUsers;

/** The reactive form of a {@link CteraPortal}: every call returns a {@code Mono} or {@code Flux}. */
public final class ReactiveCteraPortal {

    private final CteraPortal portal;

    private final PortalCalls calls;

    private final ReactiveUsers users;

    private final ReactiveDevices devices;

    private final ReactiveCloudFiles files;

    private final ReactiveTasks tasks;

    private final ReactiveLogs logs;

    private final ReactiveStatistics statistics;

    private final ReactiveReports reports;

    private final ReactiveNotifications notifications;

    ReactiveCteraPortal(CteraPortal portal, PortalCalls calls, ReactiveUsers users, ReactiveDevices devices,
            Duration taskPollInterval) {
        this.portal = portal;
        this.calls = calls;
        this.users = users;
        this.devices = devices;
        this.files = new ReactiveCloudFiles(calls);
        this.tasks = new ReactiveTasks(calls, taskPollInterval);
        this.logs = new ReactiveLogs(calls);
        this.statistics = new ReactiveStatistics(calls);
        this.reports = new ReactiveReports(calls);
        this.notifications = new ReactiveNotifications(calls);
    }

    /** Cloud Drive files: browse, transfer, background file operations, versions. */
    public ReactiveCloudFiles files() {
        return this.files;
    }

    /** Background tasks: read and await. */
    public ReactiveTasks tasks() {
        return this.tasks;
    }

    /** Portal and device logs. */
    public ReactiveLogs logs() {
        return this.logs;
    }

    /** Storage usage of tenants and cloud folders. */
    public ReactiveStatistics statistics() {
        return this.statistics;
    }

    /** Statistics reports. */
    public ReactiveReports reports() {
        return this.reports;
    }

    /** The change feed. */
    public ReactiveNotifications notifications() {
        return this.notifications;
    }

    /** Users of the current tenant. */
    public ReactiveUsers users() {
        return this.users;
    }

    /** Devices: gateways and agents. */
    public ReactiveDevices devices() {
        return this.devices;
    }

    /** Who the client is logged in as; logs in first if needed. */
    public Mono<SessionInfo> session() {
        return this.calls.sessionInfo();
    }

    /**
     * Works in another tenant from now on ({@code PUT currentPortal}, as the SDK's {@code portals.browse}); later
     * logins browse it too. {@code null} or blank returns to global administration. Admin context only.
     */
    public Mono<SessionInfo> browse(@Nullable String tenant) {
        return this.portal.portalSession().browse(tenant);
    }

    /**
     * Makes one cheap authenticated round trip ({@code GET currentSession}) through the call pipeline, logging in
     * first when needed, then tells who the session is: a real check that the portal answers, for health checks.
     */
    public Mono<SessionInfo> checkSession() {
        return this.calls.get(CteraOperation.CURRENT_SESSION, this.calls.api("currentSession"))
            .then(this.calls.sessionInfo());
    }

    /** The blocking form of this portal. */
    public CteraPortal blocking() {
        return this.portal;
    }

    @Override
    public String toString() {
        return "Reactive" + this.portal;
    }
}
