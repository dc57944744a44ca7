package com.ctera.client.files;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlValue;

/**
 * The portal's answer to an upload (§5.4.4): accepted ({@code rc} 0), or refused in band with a message.
 * @param refusal the portal's message when it refused the file, else {@code null}
 */
record UploadOutcome(@Nullable String refusal) {

    /** Reads the {@code rc}/{@code msg} answer; anything else is a protocol error. */
    static UploadOutcome of(XmlValue answer, PortalPath target) {
        String operation = CteraOperation.FILES_UPLOAD.name();
        if (!(answer instanceof XmlObject result)) {
            throw new CteraProtocolException(operation, 200, operation + " of '" + target.relative()
                    + "': expected an <obj> with rc and msg, found another answer", null);
        }
        String rc = result.optionalText("rc").orElse("0").trim();
        return new UploadOutcome(rc.equals("0") ? null : result.optionalText("msg").orElse("rc=" + rc));
    }

    /**
     * The uploaded file's path.
     * @throws com.ctera.client.CteraException typed by the portal's message when the upload was refused
     */
    String accepted(PortalPath target) {
        if (this.refusal != null) {
            throw InBandErrors.uploadError(CteraOperation.FILES_UPLOAD.name(), this.refusal, target.relative());
        }
        return target.relative();
    }
}
