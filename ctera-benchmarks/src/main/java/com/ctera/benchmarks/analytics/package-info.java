/** Throughput and peak heap of the security audit and of a log report over a million records. */
@NullMarked
package com.ctera.benchmarks.analytics;

import org.jspecify.annotations.NullMarked;
