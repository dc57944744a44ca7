/** Transfers and tree walks: the files API's throughput and memory, next to curl and a plain listing. */
@NullMarked
package com.ctera.benchmarks.transfer;

import org.jspecify.annotations.NullMarked;
