/**
 * Bulk operations for every portal bean: a {@link com.ctera.client.bulk.CteraBulk} per portal, its options from
 * {@code ctera.bulk.*}, {@code ctera.defaults.bulk.*} and {@code ctera.portals.<name>.bulk.*}, job metrics, and the
 * running jobs in {@code /actuator/ctera}.
 */
@NullMarked
package com.ctera.autoconfigure.bulk;

import org.jspecify.annotations.NullMarked;
