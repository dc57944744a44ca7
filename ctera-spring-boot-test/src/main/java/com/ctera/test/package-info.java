/**
 * Test support for applications of the CTERA starter: {@link com.ctera.test.CteraPortalTest} starts one shared
 * portal simulator, points a portal's properties at it and clears its faults after each test.
 */
@NullMarked
package com.ctera.test;

import org.jspecify.annotations.NullMarked;
