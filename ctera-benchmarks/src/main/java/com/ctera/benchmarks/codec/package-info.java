/**
 * Codec throughput: the client's XML tree decode, streaming page decode and encode of large answers, next to a bare
 * StAX pass over the same bytes as the floor.
 */
@NullMarked
package com.ctera.benchmarks.codec;

import org.jspecify.annotations.NullMarked;
