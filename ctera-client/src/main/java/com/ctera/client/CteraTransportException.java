package com.ctera.client;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

/** No usable answer arrived: connection refused or reset, timeout, TLS failure. Retryable except TLS failures. */
public class CteraTransportException extends CteraException {

    public CteraTransportException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }

    /** A TLS failure (untrusted certificate, host name mismatch) fails the same way every time. */
    @Override
    public boolean isRetryable() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return false;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
    }
}
