/**
 * Auto-configuration of the CTERA starter: Micrometer observation and meters of every portal call.
 */
@NullMarked
package com.ctera.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
