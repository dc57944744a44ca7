/**
 * Call overhead: one typed client call through session, pipeline, transport and codec, next to a plain
 * {@code WebClient} call of the same simulator endpoint.
 */
@NullMarked
package com.ctera.benchmarks.call;

import org.jspecify.annotations.NullMarked;
