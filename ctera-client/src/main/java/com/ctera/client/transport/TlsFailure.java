package com.ctera.client.transport;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

/** Why a TLS handshake with a portal failed, as far as the cause tells: what the user has to change differs. */
public enum TlsFailure {

    /** The portal's certificate does not chain to anything trusted: the client needs the portal's trust material. */
    UNTRUSTED_CERTIFICATE("the portal's certificate is not trusted"),

    /** The certificate is trusted but names other hosts than the one in the URL. */
    HOST_NAME_MISMATCH("the portal's certificate does not match the host name in the URL"),

    /** Any other handshake failure: protocol versions, cipher suites, a closed connection. */
    OTHER("the TLS handshake failed");

    private final String description;

    TlsFailure(String description) {
        this.description = description;
    }

    /** What went wrong, in a few words. */
    public String description() {
        return this.description;
    }

    /** The kind of TLS failure in {@code error}'s causes, or null when it is not a TLS failure. */
    public static @Nullable TlsFailure of(Throwable error) {
        boolean tls = false;
        for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return UNTRUSTED_CERTIFICATE;
            }
            String message = (cause.getMessage() != null) ? cause.getMessage().toLowerCase(Locale.ROOT) : "";
            if (cause instanceof CertificateException) {
                // The JDK's host name check: "No subject alternative names matching IP address ... found",
                // "No subject alternative DNS name matching ... found", "No name matching ... found".
                return message.contains("matching") ? HOST_NAME_MISMATCH : UNTRUSTED_CERTIFICATE;
            }
            if (message.contains("pkix path") || message.contains("unable to find valid certification path")) {
                return UNTRUSTED_CERTIFICATE;
            }
            tls |= cause instanceof SSLException;
        }
        return tls ? OTHER : null;
    }
}
