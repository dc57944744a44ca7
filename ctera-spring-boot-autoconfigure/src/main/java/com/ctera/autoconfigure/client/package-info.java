/**
 * Auto-configuration of the CTERA starter: portal beans from {@code ctera.*} properties. Owns every {@code ctera.*}
 * key of a portal, its resilience keys and the {@code ctera.rate-limit.*} shorthand included, and resolves them once
 * into each portal's settings; the resilience package builds its stages from them and this package never depends on
 * it.
 */
@NullMarked
package com.ctera.autoconfigure.client;

import org.jspecify.annotations.NullMarked;
