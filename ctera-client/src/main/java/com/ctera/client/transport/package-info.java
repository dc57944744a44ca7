/**
 * The HTTP layer: one WebClient per portal, the four XML call shapes, streaming decoding and status mapping.
 * Internal to the client.
 */
@NullMarked
package com.ctera.client.transport;

import org.jspecify.annotations.NullMarked;
