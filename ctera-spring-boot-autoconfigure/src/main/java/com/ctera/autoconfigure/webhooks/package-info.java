/**
 * Signed webhooks out ({@code ctera.webhooks.endpoints.*}, a {@code WebhookManager}, durable delivery workers) and in
 * (a verifying receiver endpoint that publishes the same events).
 */
@NullMarked
package com.ctera.autoconfigure.webhooks;

import org.jspecify.annotations.NullMarked;
