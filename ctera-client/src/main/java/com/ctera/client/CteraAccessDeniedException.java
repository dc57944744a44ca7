package com.ctera.client;

import org.jspecify.annotations.Nullable;

/**
 * The portal refused an authenticated call (HTTP 403 outside login, or an in-band {@code PermissionDenied}): the
 * session is valid but lacks the permission. Not a login failure, so logging in again does not help. Not retryable.
 */
public class CteraAccessDeniedException extends CteraException {

    public CteraAccessDeniedException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
