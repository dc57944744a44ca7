/**
 * One timer for many calls: the attempt timeout of the transport and the overall deadline of the resilience stage
 * watch their calls with it, so a call that ends in time schedules no task of its own. Internal to the client.
 */
@NullMarked
package com.ctera.client.timer;

import org.jspecify.annotations.NullMarked;
