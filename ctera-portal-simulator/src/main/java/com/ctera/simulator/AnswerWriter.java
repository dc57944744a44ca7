package com.ctera.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Turns a {@link PortalAnswer} into the HTTP answer, applying a fault on the way. Faults that break the
 * connection reach below WebFlux to the Netty channel of the request.
 */
final class AnswerWriter {

    static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

    private final SessionStore sessions;

    AnswerWriter(SessionStore sessions) {
        this.sessions = sessions;
    }

    /** A fault that stops the request before it is processed. */
    Mono<ServerResponse> refuse(ServerRequest request, FaultRule fault, @Nullable String sessionId) {
        return switch (fault.action()) {
            case EXPIRE_SESSION -> {
                if (sessionId != null) {
                    this.sessions.invalidate(sessionId);
                }
                yield write(PortalAnswer.loginRedirect());
            }
            case CONNECTION_RESET -> reset(request);
            default -> write(failure(fault));
        };
    }

    /** The processed answer, altered by a fault that acts after processing (or none). */
    Mono<ServerResponse> deliver(ServerRequest request, PortalAnswer answer, @Nullable FaultRule fault) {
        if (fault == null) {
            return write(answer);
        }
        return switch (fault.action()) {
            case DELAY -> Mono.delay(fault.duration()).then(Mono.defer(() -> write(answer)));
            case TRUNCATED_BODY -> truncated(request, answer, Duration.ZERO);
            case STALLED_BODY -> truncated(request, answer, fault.duration());
            case CONNECTION_RESET -> reset(request);
            case STATUS, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE -> write(failure(fault));
            case EXPIRE_SESSION -> write(answer);
            case EXPIRE_SESSION_MID_TRANSFER -> {
                expire(request);
                yield write(PortalAnswer.loginRedirect());
            }
        };
    }

    /** Invalidates the session the request carries, if any. */
    void expire(ServerRequest request) {
        String sessionId = PortalHandler.sessionId(request);
        if (sessionId != null) {
            this.sessions.invalidate(sessionId);
        }
    }

    Mono<ServerResponse> write(PortalAnswer answer) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(answer.status());
        answer.headers().forEach(builder::header);
        // A handler that names its own content type (the JSON notification API) keeps it.
        MediaType type = answer.headers().containsKey("Content-Type")
                ? MediaType.parseMediaType(answer.headers().get("Content-Type")) : XML;
        if (answer.body() != null && hasBody(answer.status())) {
            return builder.contentType(type).bodyValue(answer.body().getBytes(StandardCharsets.UTF_8));
        }
        if (answer.stream() != null) {
            return builder.contentType(type).body(BodyInserters.fromPublisher(
                    answer.stream().map(chunk -> chunk.getBytes(StandardCharsets.UTF_8)), byte[].class));
        }
        return builder.build();
    }

    static PortalAnswer failure(FaultRule fault) {
        return switch (fault.action()) {
            case TOO_MANY_REQUESTS -> PortalAnswer.retryLater(429, fault.retryAfterSeconds(), "Too many requests");
            case SERVICE_UNAVAILABLE -> PortalAnswer.retryLater(503, fault.retryAfterSeconds(), "Service unavailable");
            default -> hasBody(fault.statusValue()) ? PortalAnswer.message(fault.statusValue(), "Injected fault")
                    : PortalAnswer.empty(fault.statusValue());
        };
    }

    private static boolean hasBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    /** Announces the whole length, sends the first half of the body, then closes the connection. */
    private Mono<ServerResponse> truncated(ServerRequest request, PortalAnswer answer, Duration stall) {
        return answer.chunks().reduce(new StringBuilder(), StringBuilder::append).flatMap(text -> {
            byte[] whole = text.toString().getBytes(StandardCharsets.UTF_8);
            byte[] half = Arrays.copyOf(whole, whole.length / 2);
            ServerResponse.BodyBuilder builder = ServerResponse.status(answer.status());
            answer.headers().forEach(builder::header);
            return builder.contentType(XML)
                .contentLength(Math.max(1, whole.length))
                .body((message, context) -> {
                    DataBuffer buffer = message.bufferFactory().wrap(half);
                    return message.writeWith(Flux.concat(Flux.just(buffer), stalled(stall)))
                        .then(closeConnection(request, false));
                });
        });
    }

    /** Nothing for {@code stall}, with the answer still open; then the end of what is sent. */
    static Flux<DataBuffer> stalled(Duration stall) {
        return stall.isZero() ? Flux.empty() : Mono.delay(stall).thenMany(Flux.empty());
    }

    /** Drops the connection with a TCP reset and answers nothing. */
    static Mono<ServerResponse> reset(ServerRequest request) {
        return closeConnection(request, true).then(Mono.empty());
    }

    static Mono<Void> closeConnection(ServerRequest request, boolean reset) {
        return Mono.fromRunnable(() -> {
            HttpServerRequest nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
            nativeRequest.withConnection(connection -> {
                Channel channel = connection.channel();
                if (reset) {
                    // Linger 0 turns close() into an RST instead of an orderly FIN.
                    channel.config().setOption(ChannelOption.SO_LINGER, 0);
                }
                channel.close();
            });
        });
    }
}
