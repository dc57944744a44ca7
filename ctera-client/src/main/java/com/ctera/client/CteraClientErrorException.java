package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The portal rejected the request as invalid (a 4xx status without a more specific type); 408 is retryable. */
public class CteraClientErrorException extends CteraException {

    public CteraClientErrorException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }

    /** Only a request timeout (408): the portal gave up waiting for the request, not on it. */
    @Override
    public boolean isRetryable() {
        return status() == 408;
    }
}
