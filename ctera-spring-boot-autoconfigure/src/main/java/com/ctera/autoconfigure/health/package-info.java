/**
 * Auto-configuration of the CTERA starter: one health entry per portal.
 */
@NullMarked
package com.ctera.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
