/**
 * Auto-configuration of the CTERA starter: the embedded portal simulator used when no portal is configured.
 */
@NullMarked
package com.ctera.autoconfigure.simulator;

import org.jspecify.annotations.NullMarked;
