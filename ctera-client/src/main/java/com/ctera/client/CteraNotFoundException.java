package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The object or path does not exist (HTTP 404, or the in-band not-found signal). */
public class CteraNotFoundException extends CteraException {

    public CteraNotFoundException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
