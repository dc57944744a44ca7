package com.ctera.client;

import org.jspecify.annotations.Nullable;

/**
 * The portal refused who the client is: the credentials at login (HTTP 403), or a call with HTTP 401 (such as an
 * invalid bearer token). A 403 outside login is a permission refusal, {@link CteraAccessDeniedException}, which is
 * not a subclass. Not retryable.
 */
public class CteraAuthenticationException extends CteraException {

    public CteraAuthenticationException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
