/** Portal logs (protocol §5.7): paged queries by topic, severity, time range and origin. */
@NullMarked
package com.ctera.client.logs;

import org.jspecify.annotations.NullMarked;
