package com.ctera.simulator;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpCookie;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The request pipeline of the portal API: classify, journal, rate ceiling, pre-processing faults, authentication,
 * the operation's handler, then post-processing faults.
 */
final class PortalHandler implements HandlerFunction<ServerResponse> {

    private static final Logger logger = LoggerFactory.getLogger(PortalHandler.class);

    private static final byte[] NO_BODY = new byte[0];

    /** The largest request body an authenticated caller may send to the API; larger ones get 413. */
    static final int MAX_BODY = 16 * 1024 * 1024;

    /** The largest body read before the caller is known: enough for a login form or a small envelope. */
    static final int MAX_ANONYMOUS_BODY = 64 * 1024;

    private final ApiRouter router;
    private final SessionStore sessions;
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final AnswerWriter writer;

    PortalHandler(ApiRouter router, SessionStore sessions, FaultInjector faults, RequestJournal journal) {
        this.router = router;
        this.sessions = sessions;
        this.faults = faults;
        this.journal = journal;
        this.writer = new AnswerWriter(sessions);
    }

    /**
     * Reads the body only as far as the caller may send one: up to {@link #MAX_BODY} with a valid session or bearer
     * token, else up to {@link #MAX_ANONYMOUS_BODY}, so that no one buffers megabytes before authenticating. A larger
     * body is refused unread: 413 for a caller who is known, the usual authentication refusal for one who is not.
     */
    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        String path = request.requestPath().value();
        PortalContext context = contextOf(path);
        Authentication caller = (context != null) ? authenticate(request, context, sessionId(request)) : null;
        boolean known = caller != null && caller.session() != null;
        int limit = known ? MAX_BODY : MAX_ANONYMOUS_BODY;
        if (request.headers().contentLength().orElse(-1) > limit) {
            return refuseBody(caller, known);
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
            .map(PortalHandler::bytesOf)
            .defaultIfEmpty(NO_BODY)
            .flatMap(body -> serve(request, body))
            .onErrorResume(DataBufferLimitException.class, tooLarge -> refuseBody(caller, known));
    }

    private Mono<ServerResponse> refuseBody(@Nullable Authentication caller, boolean known) {
        this.journal.received(ApiRouter.UNKNOWN);
        if (known || caller == null || caller.refusal() == null) {
            return this.writer.write(PortalAnswer.message(413, "The request body is larger than "
                    + (known ? MAX_BODY : MAX_ANONYMOUS_BODY) + " bytes"));
        }
        return this.writer.write(caller.refusal());
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static @Nullable PortalContext contextOf(String path) {
        int contextEnd = path.indexOf('/', 1);
        return PortalContext.fromSegment(
                (contextEnd > 0) ? path.substring(1, contextEnd) : path.substring(Math.min(1, path.length())));
    }

    private Mono<ServerResponse> serve(ServerRequest request, byte[] body) {
        String path = request.requestPath().value();
        int contextEnd = path.indexOf('/', 1);
        PortalContext context = contextOf(path);
        String relativePath = (contextEnd > 0) ? path.substring(contextEnd) : "/";
        ApiRouter.Classification classified = (context != null)
                ? this.router.classify(request.method(), relativePath, body) : ApiRouter.Classification.unmatched();
        String operation = classified.operation();
        this.journal.received(operation);
        if (!this.faults.admit()) {
            return this.writer.write(PortalAnswer.retryLater(429, 1, "Request rate ceiling exceeded"));
        }
        String sessionId = sessionId(request);
        FaultRule fault = this.faults.take(operation, path);
        if (fault != null && fault.preventsProcessing()) {
            return this.writer.refuse(request, fault, sessionId);
        }
        if (context == null) {
            return this.writer.deliver(request, PortalAnswer.notFound(), fault);
        }
        ApiRoute route = classified.route();
        Session session = null;
        if (route == null || route.authenticated()) {
            Authentication authentication = authenticate(request, context, sessionId);
            if (authentication.refusal() != null) {
                return this.writer.deliver(request, authentication.refusal(), fault);
            }
            session = authentication.session();
        }
        PortalAnswer answer;
        if (classified.malformed() != null) {
            answer = PortalAnswer.message(400, classified.malformed());
        }
        else if (route == null) {
            answer = PortalAnswer.notFound();
        }
        else {
            answer = invoke(route, new ApiCall(context, session, sessionId, classified.variables(),
                    classified.payload(), body, origin(request), host(request), clientIp(request)));
        }
        this.journal.processed(operation, route != null && answer.success());
        return this.writer.deliver(request, answer, fault);
    }

    private static PortalAnswer invoke(ApiRoute route, ApiCall call) {
        try {
            return route.handler().handle(call);
        }
        catch (BadRequestException ex) {
            return PortalAnswer.message(400, ex.getMessage());
        }
        catch (NotificationApi.JsonProblem ex) {
            return NotificationApi.error(ex.getMessage());
        }
        catch (RuntimeException ex) {
            logger.warn("Operation {} failed", route.operation(), ex);
            return PortalAnswer.message(500, "Internal error");
        }
    }

    /** The caller's session, or the refusal: 401 for an unknown bearer, the 302 expiry redirect otherwise. */
    Authentication authenticate(ServerRequest request, PortalContext context, @Nullable String sessionId) {
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Session session = this.sessions.bearer(authorization.substring(7).trim());
            if (session == null || session.context() != context) {
                return new Authentication(null, PortalAnswer.message(401, "Invalid bearer token"));
            }
            return new Authentication(session, null);
        }
        Session session = (sessionId != null) ? this.sessions.session(sessionId) : null;
        if (session == null || session.context() != context) {
            return new Authentication(null, PortalAnswer.loginRedirect());
        }
        return new Authentication(session, null);
    }

    /** Either the caller's session or the answer refusing the request. */
    record Authentication(@Nullable Session session, @Nullable PortalAnswer refusal) {
    }

    static @Nullable String sessionId(ServerRequest request) {
        HttpCookie cookie = request.cookies().getFirst("JSESSIONID");
        return (cookie != null && !cookie.getValue().isEmpty()) ? cookie.getValue() : null;
    }

    static String origin(ServerRequest request) {
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The first {@code X-Forwarded-For} address (so tests and proxies can state the client), else the peer's. */
    static String clientIp(ServerRequest request) {
        String forwarded = request.headers().firstHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",", 2)[0].trim();
        }
        return request.remoteAddress()
            .map(address -> (address.getAddress() != null) ? address.getAddress().getHostAddress()
                    : address.getHostString())
            .orElse("unknown");
    }

    private static String host(ServerRequest request) {
        String host = request.uri().getHost();
        return (host != null) ? host : "";
    }
}
