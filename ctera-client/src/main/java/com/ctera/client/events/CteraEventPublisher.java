package com.ctera.client.events;

/**
 * Where the poller hands events once their batch is committed (in Spring: the application's event publisher). A
 * publisher that throws leaves the event's publication record in place, to be handed again when a poller starts.
 */
@FunctionalInterface
public interface CteraEventPublisher {

    /** Hands one event to the application. */
    void publish(CteraEvent event);
}
