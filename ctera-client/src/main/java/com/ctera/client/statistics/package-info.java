/** Storage usage (protocol §5.5): tenants' quotas and usage, cloud folders' sizes and file counts. */
@NullMarked
package com.ctera.client.statistics;

import org.jspecify.annotations.NullMarked;
