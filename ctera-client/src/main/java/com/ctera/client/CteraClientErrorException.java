package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The portal rejected the request as invalid (a 4xx status without a more specific type). */
public class CteraClientErrorException extends CteraException {

    public CteraClientErrorException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
