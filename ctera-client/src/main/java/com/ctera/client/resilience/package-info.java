/**
 * Resilience stages of the call pipeline: retry with backoff, jitter, {@code Retry-After} and a retry budget; an
 * overall deadline; a Resilience4j circuit breaker; and client-side rate limiting behind one strategy interface.
 */
@NullMarked
package com.ctera.client.resilience;

import org.jspecify.annotations.NullMarked;
