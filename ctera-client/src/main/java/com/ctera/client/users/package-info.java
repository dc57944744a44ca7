/**
 * Portal users (protocol 5.1): query, read, add, modify, delete, blocking and reactive.
 */
@NullMarked
package com.ctera.client.users;

import org.jspecify.annotations.NullMarked;
