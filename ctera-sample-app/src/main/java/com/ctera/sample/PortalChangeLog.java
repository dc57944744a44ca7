package com.ctera.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.CteraEvent;

/**
 * Logs what the listeners get: every portal change (once from the change-feed poller, once more through the app's
 * own webhook receiver) and the operational events.
 */
@Component
public class PortalChangeLog {

    private static final Logger logger = LoggerFactory.getLogger(PortalChangeLog.class);

    @EventListener
    void onChange(CteraChangeEvent event) {
        logger.info("{} {} on portal {}: {} ({})", event.type().wireName(), event.id(), event.portal(),
                (event.path() != null) ? event.path() : event.name(), event.time());
    }

    @EventListener(condition = "!(#event instanceof T(com.ctera.client.events.CteraChangeEvent))")
    void onOperational(CteraEvent event) {
        logger.info("CTERA event: {}", event);
    }
}
