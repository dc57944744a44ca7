/**
 * Auto-configuration of the resilience stages of every portal (retry, overall deadline, circuit breaker and rate
 * limiting) built from the settings the client package resolved, plus the {@code RateLimitManager} for application
 * code, meters, the health signal and the Spring retry predicate.
 */
@NullMarked
package com.ctera.autoconfigure.resilience;

import org.jspecify.annotations.NullMarked;
