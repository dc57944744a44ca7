package com.ctera.autoconfigure.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
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

    private final ConfigurableListableBeanFactory beans;

    private final Duration grace;

    private volatile boolean running;

    /**
     * @param beans the factory of the bulk beans
     * @param grace how long to wait for the stopped jobs' in-flight items, in all
     */
    public BulkJobsShutdown(ConfigurableListableBeanFactory beans, Duration grace) {
        this.beans = beans;
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
        // Only the bulk beans created so far: a lazy one never asked for runs no job, and creating it now would
        // fail again at shutdown when the configuration that stopped the command was the reason it was not created.
        for (String name : this.beans.getBeanNamesForType(CteraBulk.class, true, false)) {
            if (this.beans.containsSingleton(name)) {
                stopped.addAll(this.beans.getBean(name, CteraBulk.class).executor().shutdown());
            }
        }
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
