/**
 * Login, session cookie, bootstrap calls, transparent single-flight re-login on expiry, bearer tokens.
 */
@NullMarked
package com.ctera.client.session;

import org.jspecify.annotations.NullMarked;
