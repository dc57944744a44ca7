/** Start time of the {@code ctera} command, process by process, against {@code java -version} in the same run. */
@NullMarked
package com.ctera.benchmarks.cli;

import org.jspecify.annotations.NullMarked;
