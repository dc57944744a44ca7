/** Soak: many mixed calls under mixed faults at a fixed rate, with the process's resources sampled and shown flat. */
@NullMarked
package com.ctera.benchmarks.soak;

import org.jspecify.annotations.NullMarked;
