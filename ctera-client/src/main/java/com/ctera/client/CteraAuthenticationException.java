package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The portal refused the credentials (HTTP 403 at login) or the bearer token. */
public class CteraAuthenticationException extends CteraException {

    public CteraAuthenticationException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
