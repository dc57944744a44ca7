/**
 * Webhooks in the Standard Webhooks form: endpoints and in-process handlers, the signer and the verifier, the durable
 * JDBC outbox, the delivery workers with their retry schedule, and the SSRF guard every attempt passes.
 */
@NullMarked
package com.ctera.client.webhooks;

import org.jspecify.annotations.NullMarked;
