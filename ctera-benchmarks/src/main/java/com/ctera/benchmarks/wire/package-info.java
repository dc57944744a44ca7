/** Wire-level measurements: what compressed answers save in bytes and time. */
@NullMarked
package com.ctera.benchmarks.wire;

import org.jspecify.annotations.NullMarked;
