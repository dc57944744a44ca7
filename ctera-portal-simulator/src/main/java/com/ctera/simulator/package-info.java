/**
 * An embeddable CTERA Portal simulator: the public entry point is {@link com.ctera.simulator.CteraPortalSimulator}.
 */
@NullMarked
package com.ctera.simulator;

import org.jspecify.annotations.NullMarked;
