/**
 * Bulk operations: many items run with a concurrency bound and no thread per item, progress as it happens, a result
 * naming every item, and a failure policy that may undo what succeeded. {@link com.ctera.client.bulk.BulkExecutor}
 * is the engine; {@link com.ctera.client.bulk.BulkUsers} and {@link com.ctera.client.bulk.BulkFiles} build its
 * operations from a portal's users and files.
 */
@NullMarked
package com.ctera.client.bulk;

import org.jspecify.annotations.NullMarked;
