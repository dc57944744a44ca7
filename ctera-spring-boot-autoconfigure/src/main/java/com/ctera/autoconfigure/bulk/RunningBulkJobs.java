package com.ctera.autoconfigure.bulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.ctera.autoconfigure.actuate.CteraEndpointContributor;
import com.ctera.client.bulk.BulkJob;
import com.ctera.client.bulk.BulkMonitor;
import com.ctera.client.bulk.BulkProgress;
import com.ctera.client.bulk.BulkResult;

/** The bulk jobs running now, by portal: what {@code /actuator/ctera} shows in each portal's {@code bulk} section. */
public final class RunningBulkJobs implements BulkMonitor, CteraEndpointContributor {

    private final Set<BulkJob> running = ConcurrentHashMap.newKeySet();

    @Override
    public void jobStarted(BulkJob job) {
        this.running.add(job);
    }

    @Override
    public void jobFinished(BulkJob job, BulkResult result) {
        this.running.remove(job);
    }

    /** The jobs of a portal running now. */
    public List<BulkJob> jobs(String portal) {
        List<BulkJob> jobs = new ArrayList<>();
        for (BulkJob job : this.running) {
            if (job.portal().equals(portal)) {
                jobs.add(job);
            }
        }
        jobs.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        return jobs;
    }

    /** Items in flight across a portal's running jobs. */
    public int inFlight(String portal) {
        int inFlight = 0;
        for (BulkJob job : jobs(portal)) {
            inFlight += job.current().inFlight();
        }
        return inFlight;
    }

    @Override
    public String section() {
        return "bulk";
    }

    @Override
    public Map<String, Object> describe(String portalName) {
        List<BulkJob> jobs = jobs(portalName);
        if (jobs.isEmpty()) {
            return Map.of();
        }
        List<Map<String, Object>> described = new ArrayList<>();
        for (BulkJob job : jobs) {
            BulkProgress progress = job.current();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("job", job.name());
            entry.put("startedAt", job.startedAt().toString());
            entry.put("phase", progress.phase().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            entry.put("maxConcurrency", job.options().maxConcurrency());
            entry.put("failurePolicy", job.options().failurePolicy().propertyValue());
            entry.put("total", progress.total());
            entry.put("done", progress.done());
            entry.put("succeeded", progress.succeeded());
            entry.put("failed", progress.failed());
            entry.put("skipped", progress.skipped());
            entry.put("inFlight", progress.inFlight());
            entry.put("rolledBack", progress.rolledBack());
            entry.put("rollbackFailed", progress.rollbackFailed());
            entry.put("bytes", progress.bytes());
            described.add(entry);
        }
        return Map.of("running", described);
    }
}
