package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The portal refused an authenticated call (HTTP 403 outside login): the session lacks the permission. */
public class CteraAccessDeniedException extends CteraAuthenticationException {

    public CteraAccessDeniedException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
