/**
 * The call pipeline: interceptors that wrap every portal call (observation, retry, circuit breaker, rate limiting),
 * outermost first, around the session and the HTTP exchange.
 */
@NullMarked
package com.ctera.client.pipeline;

import org.jspecify.annotations.NullMarked;
