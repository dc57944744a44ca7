/** Scale: lazily listing a very large user base with bounded memory. */
@NullMarked
package com.ctera.benchmarks.scale;

import org.jspecify.annotations.NullMarked;
