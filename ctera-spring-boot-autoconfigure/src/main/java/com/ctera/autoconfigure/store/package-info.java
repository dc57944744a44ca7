/**
 * The starter's JDBC store: the application's DataSource (or one marked {@link CteraDataSource}), else an embedded
 * H2 file database of its own; the event, webhook and snapshot tables in it.
 */
@NullMarked
package com.ctera.autoconfigure.store;

import org.jspecify.annotations.NullMarked;
