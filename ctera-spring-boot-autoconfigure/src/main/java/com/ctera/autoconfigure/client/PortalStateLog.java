package com.ctera.autoconfigure.client;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraTransportException;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallInterceptor;
import com.ctera.client.transport.TlsFailure;

/**
 * Logs when a portal becomes unusable and when it recovers: one WARN per portal and change of state (login refused,
 * unreachable, certificate untrusted or for another host), one INFO when calls succeed again, however many calls
 * fail in between. Each message names the portal and the property to look at; never the password.
 */
final class PortalStateLog implements CallInterceptor {

    /** Between the observation and the retry stage: sees each call's final outcome, once. */
    static final int ORDER = (OBSERVATION_ORDER + RETRY_ORDER) / 2;

    private static final Logger logger = LoggerFactory.getLogger(PortalStateLog.class);

    private final PortalSettings portal;

    private final String prefix;

    private final AtomicReference<State> state = new AtomicReference<>(State.UNKNOWN);

    /**
     * @param portal the portal's settings, for its name, URL and user
     * @param prefix the portal's properties, such as {@code ctera.portals.main}
     */
    PortalStateLog(PortalSettings portal, String prefix) {
        this.portal = portal;
        this.prefix = prefix;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        return next.doOnSuccess((value) -> moveTo(State.USABLE, null)).doOnError((error) -> {
            State failed = classify(error);
            if (failed != null) {
                moveTo(failed, error);
            }
        });
    }

    /** The state this failure shows, or null for an answer about the request rather than about the portal. */
    static @Nullable State classify(Throwable error) {
        if (error instanceof CteraAuthenticationException refused
                && CteraOperation.LOGIN.name().equals(refused.operation())) {
            return State.LOGIN_REFUSED;
        }
        if (!(error instanceof CteraTransportException)) {
            return null;
        }
        TlsFailure tls = TlsFailure.of(error);
        if (tls == TlsFailure.UNTRUSTED_CERTIFICATE) {
            return State.CERTIFICATE_UNTRUSTED;
        }
        if (tls == TlsFailure.HOST_NAME_MISMATCH) {
            return State.HOST_NAME_MISMATCH;
        }
        return (tls != null) ? State.TLS_FAILED : State.UNREACHABLE;
    }

    State state() {
        return this.state.get();
    }

    private void moveTo(State next, @Nullable Throwable error) {
        State previous = this.state.getAndSet(next);
        if (previous == next) {
            return;
        }
        if (next == State.USABLE) {
            if (previous != State.UNKNOWN) {
                logger.info("CTERA portal '{}' ({}) answers again", this.portal.name(), this.portal.baseUrl());
            }
            return;
        }
        logger.warn("CTERA portal '{}' ({}) {}", this.portal.name(), this.portal.baseUrl(), explain(next, error));
    }

    private String explain(State state, @Nullable Throwable error) {
        return switch (state) {
            case LOGIN_REFUSED -> "refused the login of user '" + this.portal.username() + "': check " + this.prefix
                    + ".username and " + this.prefix + ".password";
            case CERTIFICATE_UNTRUSTED -> "presents a certificate that is not trusted: set " + this.prefix
                    + ".ssl.bundle to an SSL bundle that trusts it (spring.ssl.bundle.pem.<bundle>.truststore"
                    + ".certificate)";
            case HOST_NAME_MISMATCH -> "presents a certificate for another host name than the one in its URL: use "
                    + "a host name the certificate names in " + this.prefix + ".url, or give the portal a certificate "
                    + "for this name (trusted through " + this.prefix + ".ssl.bundle)";
            case TLS_FAILED -> "cannot be reached over TLS (" + ((error != null) ? error.getMessage() : "") + "): check " + this.prefix
                    + ".ssl.bundle";
            default -> "is unreachable: " + ((error != null) ? error.getMessage() : "no answer");
        };
    }

    /** What the last call showed about the portal. */
    enum State {
        UNKNOWN, USABLE, LOGIN_REFUSED, UNREACHABLE, CERTIFICATE_UNTRUSTED, HOST_NAME_MISMATCH, TLS_FAILED
    }
}
