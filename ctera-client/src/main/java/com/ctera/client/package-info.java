/**
 * Typed client for CTERA Portal: {@code CteraPortal} is the entry point, one per portal.
 */
@NullMarked
package com.ctera.client;

import org.jspecify.annotations.NullMarked;
