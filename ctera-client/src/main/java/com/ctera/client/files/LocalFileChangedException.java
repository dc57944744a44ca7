package com.ctera.client.files;

import com.ctera.client.CteraException;

/**
 * A local file changed while it was being uploaded, so the bytes sent may match neither its old nor its new content.
 * The upload is abandoned before the portal has the whole body; upload the file again once nothing writes to it
 * (the new attempt reads it afresh).
 */
public final class LocalFileChangedException extends CteraException {

    private static final long serialVersionUID = 1L;

    LocalFileChangedException(String operation, String message) {
        super(operation, 0, message, null);
    }
}
