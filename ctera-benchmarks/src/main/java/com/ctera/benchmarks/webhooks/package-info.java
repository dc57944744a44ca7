/** Webhook delivery: deliveries per second from the outbox to loopback receivers, and the heap under a backlog. */
@NullMarked
package com.ctera.benchmarks.webhooks;

import org.jspecify.annotations.NullMarked;
