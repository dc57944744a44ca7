package com.ctera.client.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cookie.Cookie;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.ClientHttpObservationDocumentation;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.netty.ByteBufFlux;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

import com.ctera.client.observation.PortalExchangeContext;

/**
 * Sends a request straight on Reactor Netty's {@link HttpClient}, the one the portal's {@code WebClient} is built
 * on, with the same pool, timeouts and TLS: XML, JSON and form bodies as one sized buffer, a multipart upload as
 * its framing around the file's own buffers. The
 * {@code WebClient} layer cost a third of a plain {@code WebClient} call's CPU, more than the whole budget the
 * client's own stages have (docs/benchmarks.md, "API calls below WebClient").
 *
 * <p>With an observation registry, each exchange is observed as Spring's {@code WebClient} observes one: the same
 * {@code http.client.requests} observation, context type and convention, a child of the call's observation, with
 * the tracer's headers on the request. One difference: the observation ends when the answer has been read, where
 * {@code WebClient}'s ends at the status line, so its time includes the body.
 */
final class DirectExchange {

    private static final String FORM_UTF8 = "application/x-www-form-urlencoded;charset=UTF-8";

    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private final HttpClient http;

    private final String userAgent;

    private final ObservationRegistry observations;

    private final @Nullable ClientRequestObservationConvention convention;

    DirectExchange(HttpClient http, String userAgent, ObservationRegistry observations,
            @Nullable ClientRequestObservationConvention convention) {
        this.http = http;
        this.userAgent = userAgent;
        this.observations = observations;
        this.convention = convention;
    }

    /** Sends the request and hands the answer to {@code handler}, whose value is the exchange's. */
    <T> Mono<T> exchange(ApiRequest request, RequestAuth auth, Function<Answer, Mono<T>> handler) {
        if (this.observations.isNoop()) {
            return send(request, auth, null, handler);
        }
        return new ObservedRequest<>(this, request, auth, handler);
    }

    /**
     * An exchange observed anew on each subscription. A class of its own with the default convention, so a portal
     * that observes nothing loads none of the observation's classes (some 30, with Spring's convention).
     */
    private static final class ObservedRequest<T> extends Mono<T> {

        private static final ClientRequestObservationConvention DEFAULT_CONVENTION =
                new DefaultClientRequestObservationConvention();

        private final DirectExchange exchange;

        private final ApiRequest request;

        private final RequestAuth auth;

        private final Function<Answer, Mono<T>> handler;

        ObservedRequest(DirectExchange exchange, ApiRequest request, RequestAuth auth,
                Function<Answer, Mono<T>> handler) {
            this.exchange = exchange;
            this.request = request;
            this.auth = auth;
            this.handler = handler;
        }

        // Each subscription is an exchange of its own (a retry subscribes again), with its own observation: a child
        // of the observation in the subscriber's context, the call's.
        @Override
        public void subscribe(CoreSubscriber<? super T> actual) {
            ClientRequest.Builder carrier = ClientRequest.create(this.request.method(), this.request.uri());
            PortalExchangeContext observed = new PortalExchangeContext(carrier);
            Observation observation;
            ClientRequest sent;
            try {
                observation = ClientHttpObservationDocumentation.HTTP_REACTIVE_CLIENT_EXCHANGES
                    .observation(this.exchange.convention, DEFAULT_CONVENTION, () -> observed,
                            this.exchange.observations)
                    .parentObservation(actual.currentContext().getOrDefault(ObservationThreadLocalAccessor.KEY,
                            null))
                    .start();
                // Starting the observation let the tracer put its headers on the carrier.
                sent = carrier.build();
            }
            catch (RuntimeException ex) {
                // A convention or handler that throws fails this exchange as a signal, as any operator would.
                Operators.error(actual, ex);
                return;
            }
            observed.setRequest(sent);
            this.exchange.send(this.request, this.auth, sent.headers(), answer -> {
                observed.setResponse(ClientResponse.create(HttpStatusCode.valueOf(answer.status())).build());
                return this.handler.apply(answer);
            }).subscribe(new ObservedExchange<>(actual, observation, observed));
        }
    }

    private <T> Mono<T> send(ApiRequest request, RequestAuth auth,
            org.springframework.http.@Nullable HttpHeaders extraHeaders, Function<Answer, Mono<T>> handler) {
        return this.http.request(HttpMethod.valueOf(request.method().name()))
            .uri(request.uri())
            .send((out, outbound) -> body(request, auth, extraHeaders, out, outbound))
            .response((response, content) -> handler.apply(answer(response, content)))
            .singleOrEmpty();
    }

    private NettyOutbound body(ApiRequest request, RequestAuth auth,
            org.springframework.http.@Nullable HttpHeaders extraHeaders, HttpClientRequest out,
            NettyOutbound outbound) {
        HttpHeaders headers = out.requestHeaders();
        headers.set(HttpHeaderNames.USER_AGENT, this.userAgent);
        auth.applyTo(headers);
        if (extraHeaders != null) {
            extraHeaders.forEach(headers::add);
        }
        org.springframework.http.HttpHeaders attempt = new org.springframework.http.HttpHeaders();
        request.applyAttemptHeaders(attempt);
        attempt.forEach(headers::set);
        Duration responseTimeout = request.responseTimeout();
        if (responseTimeout != null) {
            out.responseTimeout(responseTimeout);
        }
        MultipartUpload upload = request.multipartBody();
        if (upload != null) {
            return multipart(upload, headers, outbound);
        }
        byte[] body;
        CharSequence contentType;
        if (request.xmlBody() != null) {
            body = request.xmlBody();
            contentType = HttpHeaderValues.TEXT_PLAIN;
        }
        else if (request.jsonBody() != null) {
            body = request.jsonBody();
            contentType = HttpHeaderValues.APPLICATION_JSON;
        }
        else if (request.formBody() != null) {
            body = formEncoded(request.formBody());
            contentType = FORM_UTF8;
        }
        else {
            return outbound;
        }
        headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        // A new buffer for every attempt: this runs again on each subscription.
        return outbound.send(Mono.just(Unpooled.wrappedBuffer(body)));
    }

    // The file's buffers go out as they are read, between the bytes of the other parts, or, for a local file on a
    // plain connection, as a file region; with the file's size known the body's is too, and it is sent sized rather
    // than chunked, as curl and the SDK send it.
    private static NettyOutbound multipart(MultipartUpload upload, HttpHeaders headers, NettyOutbound outbound) {
        MultipartFraming framing = MultipartFraming.of(upload);
        headers.set(HttpHeaderNames.CONTENT_TYPE, framing.contentType());
        long length = framing.bodyLength(upload.contentLength());
        if (length >= 0) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
        }
        LocalFilePart file = upload.file();
        if (file != null) {
            Channel[] channel = new Channel[1];
            outbound.withConnection(connection -> channel[0] = connection.channel());
            if (channel[0] != null && FilePartSender.canSend(channel[0])) {
                return outbound.then(FilePartSender.send(channel[0], framing, file));
            }
        }
        return outbound.send(Flux.concat(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(framing.head())),
                upload.content().map(NettyDataBufferFactory::toByteBuf),
                Mono.fromSupplier(() -> Unpooled.wrappedBuffer(framing.tail()))));
    }

    private static byte[] formEncoded(Map<String, String> fields) {
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> form.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Answer answer(HttpClientResponse response, ByteBufFlux content) {
        return new Answer(response.status().code(),
                new org.springframework.http.HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders())),
                () -> cookiesOf(response), content.retain().map(BUFFERS::wrap), content::then);
    }

    private static MultiValueMap<String, ResponseCookie> cookiesOf(HttpClientResponse response) {
        MultiValueMap<String, ResponseCookie> cookies = new LinkedMultiValueMap<>();
        for (Map.Entry<CharSequence, Set<Cookie>> named : response.cookies().entrySet()) {
            for (Cookie cookie : named.getValue()) {
                cookies.add(cookie.name(), ResponseCookie.from(cookie.name(), cookie.value())
                    .domain(cookie.domain())
                    .path(cookie.path())
                    .maxAge(cookie.maxAge())
                    .secure(cookie.isSecure())
                    .httpOnly(cookie.isHttpOnly())
                    .build());
            }
        }
        return cookies;
    }
}
