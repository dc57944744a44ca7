package com.ctera.autoconfigure.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import com.ctera.client.bulk.BulkJob;
import com.ctera.client.bulk.BulkResult;
import com.ctera.client.bulk.CteraBulk;

/**
 * Stops the bulk jobs when the application stops, before any portal closes: lifecycle beans stop before beans are
 * destroyed. Every executor refuses new jobs and stops starting items; the running jobs then get the grace period
 * to finish what is in flight; items still in flight after it are abandoned (their calls cancelled, each reported as
 * failed), so the portals close on no running call and every item is reported.
 */
public final class BulkJobsShutdown implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(BulkJobsShutdown.class);

    private final ObjectProvider<CteraBulk> bulks;

    private final Duration grace;

    private volatile boolean running;

    /**
     * @param bulks every bulk bean
     * @param grace how long to wait for the stopped jobs' in-flight items, in all
     */
    public BulkJobsShutdown(ObjectProvider<CteraBulk> bulks, Duration grace) {
        this.bulks = bulks;
        this.grace = grace;
    }

    @Override
    public void start() {
        this.running = true;
    }

    @Override
    public void stop() {
        this.running = false;
        List<BulkJob> stopped = new ArrayList<>();
        this.bulks.orderedStream().forEach(bulk -> stopped.addAll(bulk.executor().shutdown()));
        if (stopped.isEmpty()) {
            return;
        }
        logger.info("Stopping {} running bulk job(s); waiting up to {} for their items in flight", stopped.size(),
                this.grace);
        for (BulkResult result : BulkJob.awaitOrAbandon(stopped, this.grace)) {
            logger.info("Bulk job stopped: {}", result);
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }
}
