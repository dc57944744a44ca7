/**
 * The simulator's own reading and writing of the CTERA {@code obj/att/list/val} XML format (internal).
 */
@NullMarked
package com.ctera.simulator.xml;

import org.jspecify.annotations.NullMarked;
