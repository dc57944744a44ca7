/** Bulk operations: throughput by concurrency against a slow portal, and a whole workload against a loop of calls. */
@NullMarked
package com.ctera.benchmarks.bulk;

import org.jspecify.annotations.NullMarked;
