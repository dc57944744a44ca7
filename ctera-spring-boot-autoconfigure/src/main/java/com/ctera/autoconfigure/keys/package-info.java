/**
 * Auto-configuration of the CTERA starter: misspelt {@code ctera.*} keys and a missing portal reported at start-up.
 */
@NullMarked
package com.ctera.autoconfigure.keys;

import org.jspecify.annotations.NullMarked;
