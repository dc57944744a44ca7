package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** No usable answer arrived: connection refused or reset, timeout, TLS failure. */
public class CteraTransportException extends CteraException {

    public CteraTransportException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
