package com.ctera.client.transport;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.CteraServerException;
import com.ctera.client.CteraSessionExpiredException;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.protocol.XmlLimitExceededException;

/**
 * Maps what went wrong on the wire onto the {@link CteraException} hierarchy (protocol §3.1 plus 429). Messages name
 * the operation, method and URL, and the portal's own {@code msg} where it sent one; never a credential.
 */
final class FailureTranslator {

    private static final String LOGIN_PAGE = "/ServicesPortal/login.html";

    private static final String MICROSOFT_LOGIN = "https://login.microsoftonline.com";

    private final Duration readTimeout;

    private final Clock clock;

    private final String portalName;

    private final CallLimits limits;

    FailureTranslator(Duration readTimeout, Clock clock) {
        this(readTimeout, clock, "ctera", CallLimits.DEFAULTS);
    }

    FailureTranslator(Duration readTimeout, Clock clock, String portalName, CallLimits limits) {
        this.readTimeout = readTimeout;
        this.clock = clock;
        this.portalName = portalName;
        this.limits = limits;
    }

    /** Whether a redirect is the portal's "session expired" signal (protocol §2.4). */
    static boolean isSessionExpiry(@Nullable URI location) {
        if (location == null) {
            return false;
        }
        String text = location.toString();
        boolean loginPage = LOGIN_PAGE.equals(text)
                || (location.isAbsolute() && LOGIN_PAGE.equals(location.getRawPath()));
        return loginPage || text.startsWith(MICROSOFT_LOGIN);
    }

    CteraException redirect(ApiRequest request, int status, @Nullable URI location) {
        String operation = request.operation().name();
        if (isSessionExpiry(location)) {
            return new CteraSessionExpiredException(operation, status,
                    operation + " failed: the portal ended the session (" + describe(request) + ")", null);
        }
        return new CteraProtocolException(operation, status, operation + " failed: unexpected HTTP " + status
                + " redirect to " + location + " from " + describe(request), null);
    }

    CteraException status(ApiRequest request, int status, HttpHeaders headers, @Nullable String portalMessage) {
        String operation = request.operation().name();
        String message = operation + " failed: HTTP " + status + reason(status) + " from " + describe(request)
                + ((portalMessage != null && !portalMessage.isBlank()) ? ": " + portalMessage : "");
        return switch (status) {
            case 401 -> new CteraAuthenticationException(operation, status, message, null);
            case 403 -> new CteraAccessDeniedException(operation, status, message, null);
            case 404 -> new CteraNotFoundException(operation, status, message, null);
            case 409 -> new CteraConflictException(operation, status, message, null);
            case 429 -> new CteraThrottledException(operation, status, message,
                    RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock), null);
            default -> {
                if (status == 503 && headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
                    yield new CteraThrottledException(operation, status, message,
                            RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock), null);
                }
                if (status >= 500) {
                    yield new CteraServerException(operation, status, message, null);
                }
                if (status >= 400) {
                    yield new CteraClientErrorException(operation, status, message, null);
                }
                yield new CteraProtocolException(operation, status,
                        operation + " failed: unexpected HTTP " + status + " from " + describe(request), null);
            }
        };
    }

    /** No answer arrived: connect refused, reset before the status line, timeout, TLS failure. */
    CteraException transport(ApiRequest request, Throwable error) {
        if (error instanceof CteraException known) {
            return known;
        }
        String operation = request.operation().name();
        return new CteraTransportException(operation, 0, operation + " failed: " + transportReason(error) + " ("
                + describe(request) + ")", error);
    }

    /** The status line arrived but the body could not be read or decoded. */
    CteraException body(ApiRequest request, int status, Throwable error) {
        if (error instanceof CteraException known) {
            return known;
        }
        String operation = request.operation().name();
        if (causedBy(error, BoundedInputStream.AnswerTooLargeException.class)) {
            return answerTooLarge(request, status, -1);
        }
        if (XmlLimitExceededException.describes(error)) {
            return new CteraProtocolException(operation, status, operation + " failed: the answer from "
                    + describe(request) + " has a text or attribute value longer than the limit of "
                    + this.limits.maxTextLength() + " characters (raise "
                    + howToRaise("maxTextLength", "limits.max-text-length") + ")", error);
        }
        if (isTimeout(error)) {
            return new CteraTransportException(operation, status, operation + " failed: the answer stalled for "
                    + "longer than the read timeout of " + this.readTimeout + " (" + describe(request) + ")", error);
        }
        if (request.isTransfer() && isCutOff(error)) {
            return new CteraTransportException(operation, status, operation + " failed: the connection closed "
                    + "before the whole answer arrived (" + describe(request) + ")", error);
        }
        return new CteraProtocolException(operation, status, operation
                + " failed: malformed, truncated or unexpected answer from " + describe(request) + ": "
                + rootMessage(error), error);
    }

    /** The answer is, or announces it is, larger than the limit. */
    CteraException answerTooLarge(ApiRequest request, int status, long announced) {
        String operation = request.operation().name();
        String size = (announced >= 0) ? " announces " + announced + " bytes, more than" : " is larger than";
        return new CteraProtocolException(operation, status, operation + " failed: the answer from "
                + describe(request) + size + " the limit of " + this.limits.maxAnswerSize() + " bytes (raise "
                + howToRaise("maxAnswerSize", "limits.max-answer-size") + ")", null);
    }

    /** One attempt of an API call took longer than the attempt timeout; retryable like any timeout. */
    CteraException attemptTimedOut(ApiRequest request, Duration timeout) {
        String operation = request.operation().name();
        return new CteraTransportException(operation, 0, operation + " failed: no complete answer within the "
                + "attempt timeout of " + timeout + " (" + describe(request) + "; raise "
                + howToRaise("attemptTimeout", "timeouts.attempt") + ")",
                new TimeoutException("attempt timeout of " + timeout));
    }

    /**
     * A JVM error (out of memory, stack overflow) while reading an answer. It ends the call like any failure:
     * Reactor would otherwise rethrow it past every operator and leave the caller waiting for good.
     */
    CteraException readerFailed(ApiRequest request, int status, Error error) {
        String operation = request.operation().name();
        return new CteraProtocolException(operation, status, operation + " failed: reading the answer from "
                + describe(request) + " failed with " + error.getClass().getSimpleName() + " (an answer may cost "
                + "up to " + this.limits.maxAnswerSize() + " bytes; lower "
                + howToRaise("maxAnswerSize", "limits.max-answer-size") + ")", error);
    }

    // The builder's setting and the starter's property that raise a limit, for the message of a call it ended.
    private String howToRaise(String setting, String property) {
        return "CteraPortalBuilder." + setting + ", property ctera.portals." + this.portalName + "." + property
                + " or ctera.defaults." + property;
    }

    private String transportReason(Throwable error) {
        if (isTimeout(error)) {
            return "no answer within the read timeout of " + this.readTimeout;
        }
        TlsFailure tls = TlsFailure.of(error);
        if (tls != null) {
            return "TLS failure: " + tls.description() + ((tls == TlsFailure.OTHER) ? " (" + rootMessage(error) + ")"
                    : "; give the client the portal's trust material (sslContext on the builder, ssl.bundle in the "
                            + "starter)");
        }
        if (causedBy(error, ConnectException.class)) {
            return "cannot connect";
        }
        return "connection failed: " + rootMessage(error);
    }

    // A transfer's connection ended mid-body (closed or reset): a transport failure, which a retry may cure (a
    // download resumes), not a malformed answer. An API answer cut short stays a protocol error, as before.
    private static boolean isCutOff(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof reactor.netty.http.client.PrematureCloseException
                    || cause instanceof java.net.SocketException
                    || cause instanceof java.nio.channels.ClosedChannelException
                    || (cause instanceof java.io.IOException && cause.getClass().getName().startsWith("io.netty."))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause instanceof io.netty.handler.timeout.TimeoutException
                    || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return (known != null) ? " " + known.getReasonPhrase() : "";
    }

    private static String describe(ApiRequest request) {
        return request.method().name() + " " + request.uri();
    }
}
