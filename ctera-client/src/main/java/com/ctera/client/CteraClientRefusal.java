package com.ctera.client;

/**
 * Marks a failure decided by the client itself, not by the portal: its rate limiter gave no permit in time
 * ({@link CteraRateLimitedException}), its circuit breaker is open
 * ({@link com.ctera.client.resilience.CteraCircuitOpenException}), or the call's overall deadline passed
 * ({@link CteraDeadlineExceededException}). Such a failure says nothing about the portal's health; test for it with
 * {@code instanceof CteraClientRefusal} rather than by the status.
 */
public interface CteraClientRefusal {
}
