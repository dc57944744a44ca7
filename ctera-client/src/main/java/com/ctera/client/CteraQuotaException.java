package com.ctera.client;

import org.jspecify.annotations.Nullable;

/** A user, folder or portal quota would be exceeded. */
public class CteraQuotaException extends CteraException {

    public CteraQuotaException(String operation, int status, String message, @Nullable Throwable cause) {
        super(operation, status, message, cause);
    }
}
