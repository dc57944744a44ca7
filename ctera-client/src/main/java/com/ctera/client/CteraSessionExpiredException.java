package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The portal ended the session (HTTP 302 to the login page) and it could not be renewed. */
public class CteraSessionExpiredException extends CteraException {

    public CteraSessionExpiredException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
