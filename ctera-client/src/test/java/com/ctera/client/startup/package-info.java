/** Start-up guards: what a fresh JVM loads to build a portal and make its first call. */
@NullMarked
package com.ctera.client.startup;

import org.jspecify.annotations.NullMarked;
