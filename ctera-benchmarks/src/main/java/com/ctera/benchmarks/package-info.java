/**
 * Performance harnesses for the CTERA client, simulator and starter: JMH benchmarks and small load runners, run by
 * their own commands (see {@code docs/benchmarks.md}), never by the test build.
 */
@NullMarked
package com.ctera.benchmarks;

import org.jspecify.annotations.NullMarked;
