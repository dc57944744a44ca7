package com.ctera.client.observation;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraClientRefusal;
import com.ctera.client.CteraServerException;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.CteraTimeoutException;
import com.ctera.client.CteraTransportException;

/**
 * Why a call failed, in a small fixed vocabulary (the one AWS SDK metrics use) so it can be a metric tag: the
 * exception class alone would split one cause over several types.
 */
public enum CteraErrorType {

    /** The call succeeded. */
    NONE,

    /** The portal refused the call for now (429, or 503 with {@code Retry-After}). */
    THROTTLING,

    /** The client itself refused the call without sending it: its rate limiter had no permit, or its breaker is open. */
    CLIENT_REFUSED,

    /** The portal failed to process the request (5xx). */
    SERVER,

    /** No answer, or the answer stalled, within the client's timeout; or the call's overall deadline passed. */
    CLIENT_TIMEOUT,

    /** The connection failed: refused, reset, TLS. */
    IO,

    /** Anything else: not found, conflict, authentication, malformed answer, ... */
    OTHER;

    /** The tag value: the constant's name in lower case, such as {@code client_timeout}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of this failure; {@link #NONE} for null. */
    public static CteraErrorType of(@Nullable Throwable error) {
        if (error == null) {
            return NONE;
        }
        if (error instanceof CteraTimeoutException) {
            return CLIENT_TIMEOUT;
        }
        if (error instanceof CteraClientRefusal) {
            return CLIENT_REFUSED;
        }
        if (error instanceof CteraThrottledException) {
            return THROTTLING;
        }
        if (error instanceof CteraServerException) {
            return SERVER;
        }
        if (error instanceof CteraTransportException) {
            return causedByTimeout(error) ? CLIENT_TIMEOUT : IO;
        }
        if (causedByTimeout(error)) {
            // A timeout operator around the call (a caller's or a pipeline stage's) fails with the raw exception.
            return CLIENT_TIMEOUT;
        }
        return (error instanceof IOException) ? IO : OTHER;
    }

    private static boolean causedByTimeout(Throwable error) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
                    || cause instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
