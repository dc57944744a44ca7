package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The portal failed to process the request (a 5xx status); retryable except 501 and 505. */
public class CteraServerException extends CteraException {

    public CteraServerException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }

    /** 501 (not implemented) and 505 (HTTP version) will not change on a second try. */
    @Override
    public boolean isRetryable() {
        return status() != 501 && status() != 505;
    }
}
