package com.ctera.client.webhooks;

import com.ctera.client.events.EventFilter;

/** Where deliveries of one registration go: an HTTP endpoint or an in-process handler. */
public sealed interface WebhookTarget {

    /** The registration's unique name. */
    String name();

    /** Which events it gets. */
    EventFilter filter();

    /** An HTTP endpoint, signed per Standard Webhooks. */
    record Http(WebhookEndpoint endpoint) implements WebhookTarget {

        @Override
        public String name() {
            return this.endpoint.name();
        }

        @Override
        public EventFilter filter() {
            return this.endpoint.filter();
        }
    }

    /** An in-process handler. */
    record Handler(String name, WebhookHandler handler, EventFilter filter) implements WebhookTarget {
    }
}
