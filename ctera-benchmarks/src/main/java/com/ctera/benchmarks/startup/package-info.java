/** Start-up cost of the starter: context start time with 0, 1 and 10 portals, and proof that start-up is offline. */
@NullMarked
package com.ctera.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
