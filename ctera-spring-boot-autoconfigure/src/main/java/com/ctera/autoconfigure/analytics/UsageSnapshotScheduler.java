package com.ctera.autoconfigure.analytics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import com.ctera.client.analytics.PortalAnalytics;
import com.ctera.client.analytics.UsageSnapshot;
import com.ctera.client.analytics.UserActivity;

/**
 * Records a usage snapshot of every portal on a fixed delay, on one daemon thread, and hands the figures to the
 * gauges. A portal that fails is logged and tried again at the next run; the others are not held up.
 */
public final class UsageSnapshotScheduler implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(UsageSnapshotScheduler.class);

    private final ObjectProvider<PortalAnalytics> analytics;

    private final ObjectProvider<UsageFigures.Listener> listeners;

    private final Duration initialDelay;

    private final Duration interval;

    private final Duration activeUsersWindow;

    private @Nullable ScheduledExecutorService executor;

    // Set by stop(): the run under way is interrupted, and its failure is the shutdown's doing, not the portal's.
    private volatile boolean stopping;

    UsageSnapshotScheduler(ObjectProvider<PortalAnalytics> analytics, ObjectProvider<UsageFigures.Listener> listeners,
            Duration initialDelay, Duration interval, Duration activeUsersWindow) {
        this.analytics = analytics;
        this.listeners = listeners;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.activeUsersWindow = activeUsersWindow;
    }

    /** Records every portal now, on the caller's thread. */
    public void recordNow() {
        this.analytics.orderedStream().forEach(this::record);
    }

    // An exception escaping a scheduled task would cancel every later run.
    private void recordSafely() {
        try {
            recordNow();
        }
        catch (RuntimeException ex) {
            if (this.stopping) {
                logger.debug("CTERA usage snapshot run ended by shutdown: " + ex.getMessage());
                return;
            }
            logger.warn("CTERA usage snapshot run failed: " + ex.getMessage(), ex);
        }
    }

    private void record(PortalAnalytics portal) {
        String name = portal.portal().name();
        List<UsageSnapshot> folders;
        try {
            folders = portal.recorder().record();
        }
        catch (RuntimeException ex) {
            if (this.stopping) {
                logger.debug("Usage snapshot of CTERA portal '" + name + "' ended by shutdown: " + ex.getMessage());
            }
            else {
                logger.warn("Could not record the usage of CTERA portal '" + name + "': " + ex.getMessage());
            }
            return;
        }
        Long active = null;
        try {
            List<UserActivity> users = portal.userActivity().mostActiveUsers(this.activeUsersWindow,
                    Integer.MAX_VALUE);
            active = (long) users.size();
        }
        catch (RuntimeException ex) {
            logger.debug("Could not count the active users of CTERA portal '" + name + "': " + ex.getMessage());
        }
        UsageFigures figures = new UsageFigures(name, folders, active);
        this.listeners.orderedStream().forEach(listener -> listener.recorded(figures));
    }

    @Override
    public synchronized void start() {
        if (this.executor != null) {
            return;
        }
        this.stopping = false;
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ctera-usage-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::recordSafely, this.initialDelay.toMillis(), this.interval.toMillis(),
                TimeUnit.MILLISECONDS);
        this.executor = started;
    }

    @Override
    public synchronized void stop() {
        if (this.executor != null) {
            this.stopping = true;
            this.executor.shutdownNow();
            this.executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return this.executor != null;
    }
}
