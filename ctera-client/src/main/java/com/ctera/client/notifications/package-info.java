/**
 * The portal's change feed (protocol §5.6): {@code metadata/list}, {@code metadata/longpoll} and
 * {@code metadata/ancestors}, with the cursor loop the SDK runs.
 */
@NullMarked
package com.ctera.client.notifications;

import org.jspecify.annotations.NullMarked;
