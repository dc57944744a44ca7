/**
 * Auto-configuration of the CTERA starter: portal beans from ctera.* properties.
 */
@NullMarked
package com.ctera.autoconfigure.client;

import org.jspecify.annotations.NullMarked;
