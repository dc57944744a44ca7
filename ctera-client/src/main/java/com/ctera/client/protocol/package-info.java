/**
 * The CTERA wire format: the streaming {@code obj/att/val/list} XML codec, call envelopes, queries and paging.
 */
@NullMarked
package com.ctera.client.protocol;

import org.jspecify.annotations.NullMarked;
