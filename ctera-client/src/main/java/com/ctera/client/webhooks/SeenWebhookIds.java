package com.ctera.client.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers received webhook ids for a while, so a replayed message is refused. */
public interface SeenWebhookIds {

    /** Records the id; false when it was already seen (a replay or a duplicate). */
    boolean firstTime(String id);

    /** Ids kept in memory for {@code ttl}, at most {@code capacity} of them (the oldest are forgotten first). */
    static SeenWebhookIds inMemory(Duration ttl, int capacity, Clock clock) {
        return new InMemory(ttl, capacity, clock);
    }

    /** The in-memory form. */
    final class InMemory implements SeenWebhookIds {

        private final Map<String, Long> seen = new LinkedHashMap<>();

        private final long ttlMillis;

        private final int capacity;

        private final Clock clock;

        InMemory(Duration ttl, int capacity, Clock clock) {
            this.ttlMillis = ttl.toMillis();
            this.capacity = capacity;
            this.clock = clock;
        }

        @Override
        public synchronized boolean firstTime(String id) {
            long now = this.clock.millis();
            Iterator<Map.Entry<String, Long>> oldest = this.seen.entrySet().iterator();
            while (oldest.hasNext()) {
                Map.Entry<String, Long> entry = oldest.next();
                if (entry.getValue() > now - this.ttlMillis && this.seen.size() <= this.capacity) {
                    break;
                }
                oldest.remove();
            }
            return this.seen.putIfAbsent(id, now) == null;
        }
    }
}
