/**
 * Micrometer observation of portal calls: one {@code ctera.client.requests} observation per logical call, with
 * low-cardinality key values only, and meters for what happens inside a call (retries, rate-limiter waits, bytes,
 * logins).
 */
@NullMarked
package com.ctera.client.observation;

import org.jspecify.annotations.NullMarked;
