package com.ctera.autoconfigure.events;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.ctera.client.events.ChangeFeedPoller;
import com.ctera.client.events.EventType;

/**
 * {@code ctera.events.*} per portal: events published per type, feed failures, re-baselines, {@code ancestors} calls
 * and the lag from a change on the portal to its publication.
 */
final class CteraEventsMeterBinder implements MeterBinder {

    private final CteraEventPollers pollers;

    CteraEventsMeterBinder(CteraEventPollers pollers) {
        this.pollers = pollers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ChangeFeedPoller poller : this.pollers.asMap().values()) {
            String portal = poller.portal();
            for (EventType type : EventType.values()) {
                FunctionCounter.builder("ctera.events.published", poller, p -> p.published(type))
                    .description("Portal changes handed to the application's listeners")
                    .tags("portal", portal, "type", type.wireName()).register(registry);
            }
            FunctionCounter.builder("ctera.events.feed.failures", poller, ChangeFeedPoller::failures)
                .description("Failed reads of the change feed (each followed by a backoff)")
                .tag("portal", portal).register(registry);
            FunctionCounter.builder("ctera.events.resyncs", poller, ChangeFeedPoller::resyncs)
                .description("New baselines after the portal refused the stored cursor")
                .tag("portal", portal).register(registry);
            FunctionCounter.builder("ctera.events.ancestors.calls", poller, ChangeFeedPoller::ancestorCalls)
                .description("ancestors calls made to resolve paths").tag("portal", portal).register(registry);
            Gauge.builder("ctera.events.lag", poller, ChangeFeedPoller::lagMillis).baseUnit("milliseconds")
                .description("Time from the last change on the portal to its publication")
                .tag("portal", portal).register(registry);
        }
    }
}
