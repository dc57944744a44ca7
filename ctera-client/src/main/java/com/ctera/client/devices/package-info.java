/**
 * Portal devices (protocol 5.2): gateways and agents, query and read, blocking and reactive.
 */
@NullMarked
package com.ctera.client.devices;

import org.jspecify.annotations.NullMarked;
