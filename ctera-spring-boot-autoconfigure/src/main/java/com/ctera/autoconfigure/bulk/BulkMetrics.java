package com.ctera.autoconfigure.bulk;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.ctera.client.bulk.BulkJob;
import com.ctera.client.bulk.BulkMonitor;
import com.ctera.client.bulk.BulkResult;
import com.ctera.client.bulk.ItemOutcome;

/**
 * Bulk job meters: {@code ctera.bulk.items} (items by portal, job and outcome), {@code ctera.bulk.items.in.flight}
 * (per portal) and {@code ctera.bulk.job.duration} (per portal, job and whether it ran to the end or was stopped).
 */
public final class BulkMetrics implements BulkMonitor {

    private final MeterRegistry registry;

    private final RunningBulkJobs running;

    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public BulkMetrics(MeterRegistry registry, RunningBulkJobs running) {
        this.registry = registry;
        this.running = running;
    }

    @Override
    public void jobStarted(BulkJob job) {
        String portal = job.portal();
        if (this.gauged.add(portal)) {
            Gauge.builder("ctera.bulk.items.in.flight", this.running, jobs -> jobs.inFlight(portal))
                .description("Items of the portal's running bulk jobs whose action is running")
                .tag("portal", portal)
                .register(this.registry);
        }
    }

    @Override
    public void jobFinished(BulkJob job, BulkResult result) {
        for (ItemOutcome outcome : ItemOutcome.values()) {
            int count = result.count(outcome);
            this.registry.counter("ctera.bulk.items", "portal", job.portal(), "job", job.name(), "outcome",
                    outcome.name().toLowerCase(Locale.ROOT).replace('_', '-')).increment(count);
        }
        Timer.builder("ctera.bulk.job.duration")
            .description("How long bulk jobs took, from start to the last item reported")
            .tags("portal", job.portal(), "job", job.name(), "result", (result.stoppedBy() == null) ? "completed"
                    : "stopped")
            .register(this.registry)
            .record(result.duration());
    }
}
