package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The object already exists or the change conflicts with the portal's state (HTTP 409, or an in-band conflict). */
public class CteraConflictException extends CteraException {

    public CteraConflictException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
