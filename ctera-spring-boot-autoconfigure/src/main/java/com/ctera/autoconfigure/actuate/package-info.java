/**
 * Auto-configuration of the CTERA starter: the read-only {@code /actuator/ctera} endpoint.
 */
@NullMarked
package com.ctera.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
