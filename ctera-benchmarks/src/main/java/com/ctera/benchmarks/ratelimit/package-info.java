/** Rate limits under load: accuracy of a token bucket, adaptive convergence under a ceiling, a shared bucket. */
@NullMarked
package com.ctera.benchmarks.ratelimit;

import org.jspecify.annotations.NullMarked;
