package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** The portal's answer was malformed, truncated or of an unexpected shape. */
public class CteraProtocolException extends CteraException {

    public CteraProtocolException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
