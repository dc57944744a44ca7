/**
 * Auto-configuration of the resilience stages of every portal: retry, overall deadline, circuit breaker and rate
 * limiting, from {@code ctera.defaults.*} and {@code ctera.portals.<name>.*}, plus the {@code ctera.rate-limit.*}
 * shorthand and the {@code RateLimitManager} for application code.
 */
@NullMarked
package com.ctera.autoconfigure.resilience;

import org.jspecify.annotations.NullMarked;
