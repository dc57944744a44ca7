package com.ctera.client.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.CteraSessionExpiredException;
import com.ctera.client.PortalContext;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallEvents;
import com.ctera.client.pipeline.CallPipeline;
import com.ctera.client.transport.ApiRequest;
import com.ctera.client.transport.PortalTransport;
import com.ctera.client.transport.RequestAuth;
import com.ctera.client.transport.ResponseReader;
import com.ctera.client.transport.XmlResponses;

/**
 * The authenticated session with one portal. Logs in lazily on the first call, renews the session when the portal
 * signals expiry (protocol §2.4) and repeats the call once. Concurrent callers share one login: a caller whose
 * request carried an older session than the current one simply retries with the current one.
 */
public final class PortalSession implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PortalSession.class);

    private final PortalTransport transport;

    private final PortalCredentials credentials;

    private final SessionBootstrap bootstrap;

    // The tenant every login browses: the configured one, then the last one browse() chose.
    private volatile @Nullable String tenant;

    private final Duration closeTimeout;

    private final String portalName;

    private final CallPipeline pipeline;

    private final Object lock = new Object();

    private final AtomicLong generations = new AtomicLong();

    private final AtomicInteger loginCount = new AtomicInteger();

    private final AtomicBoolean closed = new AtomicBoolean();

    // Written under the lock; read without it on every call, where taking the lock made 32 callers queue up.
    private volatile @Nullable SessionState current;

    private @Nullable Mono<SessionState> loginInFlight;

    /**
     * @param tenant in the admin context, the tenant to browse after every login, or {@code null}
     * @param closeTimeout the longest {@link #close()} waits for the logout call
     * @param portalName the portal's name, given to the interceptors
     * @param pipeline the interceptors every call passes through before it reaches the session
     */
    public PortalSession(PortalTransport transport, PortalCredentials credentials, @Nullable String tenant,
            Duration closeTimeout, String portalName, CallPipeline pipeline) {
        this.portalName = portalName;
        this.pipeline = pipeline;
        this.transport = transport;
        this.credentials = credentials;
        this.bootstrap = new SessionBootstrap(transport);
        this.tenant = tenant;
        this.closeTimeout = closeTimeout;
    }

    /**
     * Sends a request within the session and reads its answer. On the expiry signal, renews the session once and
     * repeats the request once; a second expiry fails with {@link CteraSessionExpiredException}.
     */
    public <T> Mono<T> call(ApiRequest request, ResponseReader<T> reader) {
        // Innermost, so that no stage (observation, retry, logs) ever sees a secret the portal echoed.
        Mono<T> scrubbed = callInSession(request, reader).onErrorMap(this::withoutSecrets);
        return this.pipeline.wrap(new CallContext(this.portalName, request.operation()), scrubbed);
    }

    /** The failure without the credentials this session holds, should the portal have echoed one. */
    private Throwable withoutSecrets(Throwable error) {
        List<String> secrets = new ArrayList<>(2);
        if (this.credentials instanceof PortalCredentials.Password password) {
            secrets.add(password.password());
        }
        else if (this.credentials instanceof PortalCredentials.Bearer bearer) {
            secrets.add(bearer.token());
        }
        SessionState state = this.current;
        if (state != null && state.auth() instanceof RequestAuth.SessionCookie cookie) {
            secrets.add(cookie.value());
        }
        return SecretScrubber.scrub(error, secrets);
    }

    private <T> Mono<T> callInSession(ApiRequest request, ResponseReader<T> reader) {
        return Mono.defer(() -> {
            if (this.closed.get()) {
                return Mono.error(new IllegalStateException("The portal client is closed"));
            }
            if (this.credentials instanceof PortalCredentials.Bearer bearer) {
                return this.transport.exchange(request, RequestAuth.bearer(bearer.token()), reader);
            }
            SessionState established = this.current;
            if (established != null) {
                return exchangeIn(established, request, reader);
            }
            return session().flatMap(state -> exchangeIn(state, request, reader));
        });
    }

    private <T> Mono<T> exchangeIn(SessionState state, ApiRequest request, ResponseReader<T> reader) {
        return this.transport.exchange(request, state.auth(), reader)
            .onErrorResume(CteraSessionExpiredException.class, expired -> renew(state)
                .flatMap(fresh -> this.transport.exchange(request, fresh.auth(), reader))
                .onErrorMap(CteraSessionExpiredException.class, again -> new CteraSessionExpiredException(
                        request.operation().name(), again.status(), request.operation().name()
                                + " failed: the portal ended the session again right after a new login",
                        again)));
    }

    /** The session's identity; logs in first when needed (bearer mode: read with the token). */
    public Mono<SessionInfo> info() {
        return Mono.defer(() -> {
            if (this.closed.get()) {
                return Mono.error(new IllegalStateException("The portal client is closed"));
            }
            if (this.credentials instanceof PortalCredentials.Bearer bearer) {
                return this.bootstrap.identify(RequestAuth.bearer(bearer.token()));
            }
            SessionState established = this.current;
            if (established != null) {
                return Mono.just(established.info());
            }
            // A login with no call around it is a call of its own: observed, limited and counted in
            // ctera.client.logins like the login inside any other call, which it was not when it bypassed the pipeline.
            return this.pipeline.wrap(new CallContext(this.portalName, CteraOperation.LOGIN), session())
                .map(SessionState::info);
        }).onErrorMap(this::withoutSecrets);
    }

    /**
     * Switches the session to another tenant ({@code PUT currentPortal}, as the SDK's {@code portals.browse}), or
     * back to global administration for {@code null}; later logins browse it too. Admin context only. Calls already
     * under way may still reach the tenant before: the portal keeps the browsed tenant per session.
     * @return who the session is, now in {@code tenant}
     */
    public Mono<SessionInfo> browse(@Nullable String tenant) {
        String target = (tenant == null || tenant.isBlank()) ? null : tenant;
        return Mono.defer(() -> {
            if (this.transport.endpoint().context() != PortalContext.ADMIN) {
                return Mono.error(new IllegalStateException("Portal '" + this.portalName + "' works in the "
                        + this.transport.endpoint().context().path() + " context: only a global administrator "
                        + "(context admin) can browse another tenant"));
            }
            if (this.credentials instanceof PortalCredentials.Bearer bearer) {
                RequestAuth auth = RequestAuth.bearer(bearer.token());
                return this.bootstrap.browse(auth, target).doOnSuccess(done -> this.tenant = target)
                    .then(this.bootstrap.identify(auth));
            }
            return session().flatMap(state -> {
                ApiRequest put = this.bootstrap.browseRequest(target);
                // Kept only once the portal took it: a refused tenant must not break every later login.
                return exchangeIn(state, put, XmlResponses.discard()).then(Mono.fromSupplier(() -> {
                    synchronized (this.lock) {
                        this.tenant = target;
                        SessionState now = this.current;
                        if (now == null) {
                            return state.info().inTenant(target);
                        }
                        SessionState moved = new SessionState(now.auth(), now.generation(),
                                now.info().inTenant(target));
                        this.current = moved;
                        return moved.info();
                    }
                }));
            });
        }).transform(browse -> this.pipeline.wrap(new CallContext(this.portalName, CteraOperation.CURRENT_PORTAL_SET),
                browse));
    }

    /** How many login requests this session has sent. */
    public int loginCount() {
        return this.loginCount.get();
    }

    /** Whether every request carries a bearer token instead of a login session. */
    public boolean usesBearerToken() {
        return this.credentials instanceof PortalCredentials.Bearer;
    }

    /** Whether a password session is currently established. */
    public boolean isLoggedIn() {
        synchronized (this.lock) {
            return this.current != null;
        }
    }

    /** Who the established password session is, without any call; empty before the first login. */
    public Optional<SessionInfo> established() {
        synchronized (this.lock) {
            return Optional.ofNullable(this.current).map(SessionState::info);
        }
    }

    private Mono<SessionState> session() {
        SessionState established = this.current;
        if (established != null) {
            return Mono.just(established);
        }
        return Mono.defer(() -> {
            synchronized (this.lock) {
                return (this.current != null) ? Mono.just(this.current) : sharedLogin(false);
            }
        });
    }

    /** A new session to replace {@code stale}, shared by every caller that saw {@code stale} expire. */
    private Mono<SessionState> renew(SessionState stale) {
        return Mono.defer(() -> {
            synchronized (this.lock) {
                if (this.current != null && this.current.generation() != stale.generation()) {
                    return Mono.just(this.current);
                }
                this.current = null;
                return sharedLogin(true);
            }
        });
    }

    /**
     * Joins the login under way or starts one; called with the lock held. The login reports itself to the watcher
     * of the call that started it, so a login shared by several callers is counted once.
     */
    private Mono<SessionState> sharedLogin(boolean renewal) {
        Mono<SessionState> inFlight = this.loginInFlight;
        if (inFlight != null) {
            return inFlight;
        }
        Mono<SessionState> login = login()
                .flatMap(state -> CallEvents.notify(events -> events.loggedIn(renewal)).thenReturn(state))
                .doOnNext(state -> {
                    synchronized (this.lock) {
                        this.current = state;
                        this.loginInFlight = null;
                    }
                })
                .doOnError(error -> {
                    synchronized (this.lock) {
                        this.loginInFlight = null;
                    }
                })
                .cache();
        this.loginInFlight = login;
        return login;
    }

    private Mono<SessionState> login() {
        PortalCredentials.Password password = (PortalCredentials.Password) this.credentials;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("j_username", password.username());
        form.put("j_password", password.password());
        ApiRequest request = ApiRequest.form(CteraOperation.LOGIN, this.transport.endpoint().api("login"), form);
        ResponseReader<String> cookie = (head, body) -> head.cookie(RequestAuth.SESSION_COOKIE)
                .orElseThrow(() -> new CteraProtocolException(CteraOperation.LOGIN.name(), head.status(),
                        "login failed: " + this.transport.endpoint().baseUrl() + " accepted user '"
                                + password.username() + "' but set no " + RequestAuth.SESSION_COOKIE + " cookie",
                        null));
        return Mono.defer(() -> {
            this.loginCount.incrementAndGet();
            return this.transport.exchange(request, RequestAuth.anonymous(), cookie);
        })
                // The portal answers bad credentials with 403 (protocol §2.1): at login that is no permission refusal.
                .onErrorMap(error -> error instanceof CteraAuthenticationException
                        || error instanceof CteraAccessDeniedException, refused -> new CteraAuthenticationException(
                        CteraOperation.LOGIN.name(), ((CteraException) refused).status(), "Portal "
                                + this.transport.endpoint().baseUrl() + " refused the login of user '"
                                + password.username() + "' (HTTP " + ((CteraException) refused).status()
                                + "): invalid user name or password",
                        null))
                .map(RequestAuth::sessionCookie)
                .flatMap(auth -> this.bootstrap.run(auth, this.tenant)
                        .map(info -> new SessionState(auth, this.generations.incrementAndGet(), info)))
                .doOnNext(state -> logger.debug("Logged in to {} as {} (session #{})",
                        this.transport.endpoint().baseUrl(), password.username(), state.generation()));
    }

    /** Logs out when a password session is open; errors are logged and ignored. Idempotent. */
    @Override
    public void close() {
        if (!this.closed.compareAndSet(false, true)) {
            return;
        }
        SessionState state;
        synchronized (this.lock) {
            state = this.current;
            this.current = null;
        }
        if (state == null) {
            return;
        }
        ApiRequest logout = ApiRequest.form(CteraOperation.LOGOUT, this.transport.endpoint().api("logout"),
                Map.of());
        try {
            this.transport.exchange(logout, state.auth(), XmlResponses.discard()).block(this.closeTimeout);
        }
        catch (CteraSessionExpiredException ex) {
            // The portal already ended the session: the logout's goal is met.
        }
        catch (CteraException | IllegalStateException ex) {
            logger.debug("Logout from {} failed: {}", this.transport.endpoint().baseUrl(), ex.getMessage());
        }
    }

    @Override
    public String toString() {
        return "PortalSession[" + this.transport.endpoint().baseUrl() + ", " + this.credentials + "]";
    }

    /** One established session: its cookie, its sequence number, and who it is. */
    private record SessionState(RequestAuth auth, long generation, SessionInfo info) {
    }
}
