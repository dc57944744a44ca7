/**
 * Portal changes as Spring events: one change-feed poller per portal ({@code ctera.events.*}), publishing to the
 * application's event publisher, with metrics and an {@code /actuator/ctera} section.
 */
@NullMarked
package com.ctera.autoconfigure.events;

import org.jspecify.annotations.NullMarked;
