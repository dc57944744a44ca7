/**
 * A demo service built on the CTERA starter.
 */
@NullMarked
package com.ctera.sample;

import org.jspecify.annotations.NullMarked;
