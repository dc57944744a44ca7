/**
 * Portal changes as typed events: the change-feed poller, the classifier (created / modified / deleted), the filter
 * shared by listeners and webhooks, and the JDBC store that keeps the cursor, what was seen and the pending
 * publications in one transaction per batch.
 */
@NullMarked
package com.ctera.client.events;

import org.jspecify.annotations.NullMarked;
