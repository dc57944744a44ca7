/** Portal background tasks (protocol §5.9): reading their state and awaiting their end. */
@NullMarked
package com.ctera.client.tasks;

import org.jspecify.annotations.NullMarked;
