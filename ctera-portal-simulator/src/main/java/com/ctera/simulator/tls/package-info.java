/**
 * Self-signed certificates for the simulator's optional TLS listener (internal).
 */
@NullMarked
package com.ctera.simulator.tls;

import org.jspecify.annotations.NullMarked;
