/** Portal statistics reports (protocol §5.8): asking the portal to build one, and reading it back. */
@NullMarked
package com.ctera.client.reports;

import org.jspecify.annotations.NullMarked;
