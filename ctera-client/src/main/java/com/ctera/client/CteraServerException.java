package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The portal failed to process the request (a 5xx status). */
public class CteraServerException extends CteraException {

    public CteraServerException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
