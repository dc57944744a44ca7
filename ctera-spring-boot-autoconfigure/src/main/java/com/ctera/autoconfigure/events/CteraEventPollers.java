package com.ctera.autoconfigure.events;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.SmartLifecycle;

import com.ctera.client.events.ChangeFeedPoller;

/**
 * The change-feed pollers of the application, one per followed portal: started with the context (after every bean
 * exists) and stopped before the portals close.
 */
public final class CteraEventPollers implements SmartLifecycle {

    private final Map<String, ChangeFeedPoller> pollers;

    private volatile boolean running;

    CteraEventPollers(Collection<ChangeFeedPoller> pollers) {
        Map<String, ChangeFeedPoller> byPortal = new LinkedHashMap<>();
        pollers.forEach(poller -> byPortal.put(poller.portal(), poller));
        this.pollers = Collections.unmodifiableMap(byPortal);
    }

    /** The poller of a portal, if it is followed. */
    public Optional<ChangeFeedPoller> poller(String portal) {
        return Optional.ofNullable(this.pollers.get(portal));
    }

    /** Every poller by portal name. */
    public Map<String, ChangeFeedPoller> asMap() {
        return this.pollers;
    }

    @Override
    public void start() {
        this.pollers.values().forEach(ChangeFeedPoller::start);
        this.running = true;
    }

    @Override
    public void stop() {
        this.pollers.values().parallelStream().forEach(ChangeFeedPoller::close);
        this.running = false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    // Late start, early stop: listeners and webhook workers exist first and outlive the pollers.
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
