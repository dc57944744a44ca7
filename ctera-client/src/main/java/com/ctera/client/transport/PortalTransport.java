package com.ctera.client.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.ctera.client.CteraException;
import com.ctera.client.pipeline.CallEvents;
import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.timer.CallTimer;

/**
 * Sends requests to one portal over its own connection pool and hands successful bodies to a {@link ResponseReader}
 * as a stream, so a large answer costs constant memory. Requests go to Reactor Netty directly ({@link DirectExchange});
 * when the application's {@code WebClient.Builder} carries exchange filters, they go through a {@code WebClient} on
 * the same Reactor Netty client instead, so that the filters see every request. Never follows redirects: a redirect
 * is either the session-expiry signal or an error. Every failure becomes a {@link CteraException}.
 */
public final class PortalTransport implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PortalTransport.class);

    /** The largest single read from a connection. */
    private static final int MAX_READ = 256 * 1024;

    /** Calls that may wait for one of the pool's connections. */
    private static final int MAX_PENDING_ACQUIRES = 4096;

    /** Buffers requested ahead of the reading thread. */
    private static final int BODY_DEMAND = 16;

    /** Successful answers up to this size, announced by {@code Content-Length}, are parsed without a thread hop. */
    private static final int MAX_INLINE_BODY = 64 * 1024;

    /** Error bodies are read whole for their {@code msg}; past this size the message is skipped. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private static final byte[] NO_BYTES = new byte[0];

    /** The encodings the official SDK accepts (aiohttp's default); Netty's decompressor reads both. */
    static final String ACCEPT_ENCODING = "gzip, deflate";

    private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final PortalEndpoint endpoint;

    // Exactly one of the two: the WebClient when the application's builder carries filters, else the direct path.
    private final @Nullable WebClient webClient;

    private final @Nullable DirectExchange direct;

    private final ConnectionProvider connections;

    private final Duration readTimeout;

    private final FailureTranslator failures;

    private final XmlCodec codec;

    private final CallLimits limits;

    private final TransferThroughput transferThroughput;

    private final PoolGauge pool;

    // One timer for the attempts of all calls: a call answered in time schedules no task of its own.
    private final CallTimer attemptTimer = new CallTimer(Schedulers::parallel, System::nanoTime);

    private PortalTransport(PortalEndpoint endpoint, @Nullable WebClient webClient, @Nullable DirectExchange direct,
            ConnectionProvider connections, PoolGauge pool, Duration readTimeout, TransferThroughput transferThroughput,
            Clock clock, String portalName, CallLimits limits) {
        this.pool = pool;
        this.endpoint = endpoint;
        this.webClient = webClient;
        this.direct = direct;
        this.connections = connections;
        this.readTimeout = readTimeout;
        this.limits = limits;
        this.codec = new XmlCodec(limits.maxTextLength());
        this.failures = new FailureTranslator(readTimeout, clock, portalName, limits);
        this.transferThroughput = transferThroughput;
    }

    /** Builds the HTTP client and connection pool for one portal with the default {@link CallLimits}. */
    public static PortalTransport create(TransportSettings settings) {
        return create(settings, CallLimits.DEFAULTS);
    }

    /** Builds the HTTP client and connection pool for one portal; opens no connection yet. */
    public static PortalTransport create(TransportSettings settings, CallLimits limits) {
        PoolGauge pool = new PoolGauge();
        ConnectionProvider connections = ConnectionProvider.builder("ctera-" + settings.portalName())
                .maxConnections(64)
                // Calls beyond the 64 connections wait their turn (bounded by the acquire timeout); the default
                // queue of 128 refused the 200 concurrent downloads a busy application may start.
                .pendingAcquireMaxCount(MAX_PENDING_ACQUIRES)
                .metrics(true, () -> pool)
                .pendingAcquireTimeout(settings.connectTimeout().plus(settings.readTimeout()))
                .build();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        settings.connectTimeout().toMillis()))
                .responseTimeout(settings.readTimeout())
                .followRedirect(false)
                // Asks for compressed answers as the SDK does, and inflates them: a user listing's XML shrinks 19x,
                // half the time over a 20 Mbit/s link (docs/benchmarks.md, "Compressed answers").
                .compress(true)
                .headers(headers -> headers.set(HttpHeaderNames.ACCEPT_ENCODING, ACCEPT_ENCODING))
                // Netty reads at most 64 KiB at a time, starting from 2 KiB: a download of a few MiB then spends
                // much of its time in small reads and writes. Larger reads took 8 MiB downloads from 0.55-0.61 of
                // curl's throughput to 0.62-0.78 (docs/benchmarks.md, "Larger reads"); 256 KiB bounds what a
                // streamed answer holds in flight (BODY_DEMAND reads).
                .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 64 * 1024, MAX_READ));
        if (settings.insecureTrustAllCertificates()) {
            logger.warn("TLS certificate verification is OFF for CTERA portal '{}' ({}): use this only with test "
                    + "portals", settings.portalName(), settings.endpoint().baseUrl());
            http = http.secure(tls -> tls.sslContext(Http11SslContextSpec.forClient()
                    .configure(builder -> builder.trustManager(InsecureTrustManagerFactory.INSTANCE))));
        }
        else if (settings.sslContext() != null) {
            SslContext tls = settings.sslContext();
            http = http.secure(spec -> spec.sslContext(tls));
        }
        WebClient webClient = filteredWebClient(settings, http);
        DirectExchange direct = (webClient != null) ? null : new DirectExchange(http, settings.userAgent(),
                settings.httpObservations(), settings.httpObservationConvention());
        return new PortalTransport(settings.endpoint(), webClient, direct, connections, pool, settings.readTimeout(),
                settings.transferThroughput(), Clock.systemUTC(), settings.portalName(), limits);
    }

    // A WebClient on the same Reactor Netty client, only when the application's builder carries exchange filters:
    // then every request goes through it so that the filters see them all. Otherwise none is built.
    private static @Nullable WebClient filteredWebClient(TransportSettings settings, HttpClient http) {
        WebClient.Builder given = settings.webClientBuilder();
        boolean[] filtered = { false };
        if (given != null) {
            given.clone().filters(filters -> filtered[0] = !filters.isEmpty());
        }
        if (!filtered[0]) {
            return null;
        }
        WebClient.Builder builder = given.clone();
        if (!settings.httpObservations().isNoop()) {
            builder.observationRegistry(settings.httpObservations());
            if (settings.httpObservationConvention() != null) {
                builder.observationConvention(settings.httpObservationConvention());
            }
        }
        return builder.clientConnector(new ReactorClientHttpConnector(http))
                .defaultHeader(HttpHeaders.USER_AGENT, settings.userAgent())
                .build();
    }

    /** The codec for request and answer bodies. */
    public XmlCodec codec() {
        return this.codec;
    }

    /** The portal's base URL and context. */
    public PortalEndpoint endpoint() {
        return this.endpoint;
    }

    /** Attempts of API calls whose attempt timeout is being watched right now; zero when no call is under way. */
    int attemptsWatched() {
        return this.attemptTimer.inFlight();
    }

    /** Connections of the pool that calls hold right now; zero when no call is under way. */
    public int connectionsInUse() {
        return this.pool.acquired();
    }

    /**
     * Sends one request and reads the answer. An API call (any request but a file transfer) is abandoned when its
     * answer has not been read within the attempt timeout: a portal that trickles bytes keeps the read timeout from
     * firing, and only a bound on the whole attempt ends it.
     * @return the reader's value; errors are always {@link CteraException}s naming the request's operation
     */
    public <T> Mono<T> exchange(ApiRequest request, RequestAuth auth, ResponseReader<T> reader) {
        Mono<T> attempt = attempt(request, auth, reader);
        if (request.meter() != null) {
            return attempt;
        }
        return new TimedAttempt<>(attempt, this.attemptTimer, this.failures, request, attemptTimeout(request));
    }

    // A long poll is meant to wait: its attempt may last as long as the poll it asked for, plus the read timeout.
    private Duration attemptTimeout(ApiRequest request) {
        Duration timeout = this.limits.attemptTimeout();
        Duration poll = request.responseTimeout();
        if (poll != null && poll.plus(this.readTimeout).compareTo(timeout) > 0) {
            return poll.plus(this.readTimeout);
        }
        return timeout;
    }

    private <T> Mono<T> attempt(ApiRequest given, RequestAuth auth, ResponseReader<T> reader) {
        ApiRequest request = watchedUpload(given);
        return Mono.defer(() -> {
            TransferMeter meter = request.meter();
            if (meter != null) {
                meter.reset();
            }
            DirectExchange direct = this.direct;
            if (direct != null) {
                return reportTransfer(request, direct.exchange(request, auth,
                        answer -> handle(request, answer, reader)));
            }
            WebClient.RequestBodySpec spec = Objects.requireNonNull(this.webClient).method(request.method())
                    .uri(request.uri())
                    .headers(headers -> {
                        auth.applyTo(headers);
                        request.applyAttemptHeaders(headers);
                    });
            Duration responseTimeout = request.responseTimeout();
            if (responseTimeout != null) {
                spec = spec.httpRequest(http -> {
                    if (http.getNativeRequest() instanceof HttpClientRequest netty) {
                        netty.responseTimeout(responseTimeout);
                    }
                });
            }
            WebClient.RequestHeadersSpec<?> ready = withBody(spec, request);
            return reportTransfer(request, ready.exchangeToMono(response -> handle(request, answer(response),
                    reader)));
        }).onErrorMap(error -> !(error instanceof CteraException), error -> this.failures.transport(request, error));
    }

    // An upload's bytes are watched as the connection takes them, so a stalled upload fails by the minimum
    // throughput rather than hanging on a full socket buffer.
    private ApiRequest watchedUpload(ApiRequest request) {
        MultipartUpload upload = request.multipartBody();
        if (upload == null || !request.isTransfer() || !this.transferThroughput.enabled()) {
            return request;
        }
        return request.withMultipartBody(upload.watchedBy(
                content -> ThroughputGuard.guard(content, this.transferThroughput, false, request),
                sent -> ThroughputGuard.guardCounts(sent, this.transferThroughput, request)));
    }

    // A download's body is watched as it arrives; a pause in the consumer's demand is not held against the portal.
    private Flux<DataBuffer> watchedBody(ApiRequest request, Flux<DataBuffer> body) {
        return request.isTransfer() ? ThroughputGuard.guard(body, this.transferThroughput, true, request) : body;
    }

    private static Answer answer(ClientResponse response) {
        return new Answer(response.statusCode().value(), response.headers().asHttpHeaders(), response::cookies,
                response.body(BodyExtractors.toDataBuffers()), response::releaseBody);
    }

    // Runs inside the call pipeline, so the watcher of the call is in the subscriber's context.
    private static <T> Mono<T> reportTransfer(ApiRequest request, Mono<T> exchange) {
        TransferMeter meter = request.meter();
        if (meter == null) {
            return exchange;
        }
        return exchange.transformDeferredContextual((mono, context) -> mono.doOnSuccess(value -> CallEvents
                .from(context).transferred(meter.sentBytes(), meter.receivedBytes())));
    }

    // Bytes go out as one ready buffer: unlike bodyValue, this skips the search through the message writers, which
    // was a measurable share of a small call's CPU (docs/benchmarks.md, "Call overhead").
    private static WebClient.RequestHeadersSpec<?> withBody(WebClient.RequestBodySpec spec, ApiRequest request) {
        byte[] xml = request.xmlBody();
        if (xml != null) {
            return spec.contentType(MediaType.TEXT_PLAIN).contentLength(xml.length).body(bytes(xml));
        }
        byte[] json = request.jsonBody();
        if (json != null) {
            return spec.contentType(MediaType.APPLICATION_JSON).contentLength(json.length).body(bytes(json));
        }
        MultipartUpload upload = request.multipartBody();
        if (upload != null) {
            MultipartBodyBuilder parts = new MultipartBodyBuilder();
            upload.fields().forEach(field -> parts.part(field.getKey(), field.getValue(), TEXT_UTF8));
            parts.asyncPart(upload.filePartName(), upload.content(), DataBuffer.class)
                    .filename(upload.fileName())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM);
            return spec.body(BodyInserters.fromMultipartData(parts.build()));
        }
        if (request.formBody() != null) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            request.formBody().forEach(form::add);
            return spec.body(BodyInserters.fromFormData(form));
        }
        return spec;
    }

    // A new buffer for every attempt: the exchange builds its body again on each subscription.
    private static BodyInserter<Mono<DataBuffer>, ReactiveHttpOutputMessage> bytes(byte[] body) {
        return BodyInserters.fromDataBuffers(Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
    }

    private <T> Mono<T> handle(ApiRequest request, Answer answer, ResponseReader<T> reader) {
        int status = answer.status();
        HttpHeaders headers = answer.headers();
        if (answer.isSuccessful()) {
            ResponseHead head = new ResponseHead(status, headers, answer.cookies());
            if (reader instanceof BufferResponseReader<T> buffers) {
                return readBuffers(request, status, head, watchedBody(request, answer.body()), buffers);
            }
            long length = headers.getContentLength();
            boolean bounded = request.meter() == null;
            if (bounded && length > this.limits.maxAnswerSize()) {
                return answer.discard().get().then(Mono.error(this.failures.answerTooLarge(request, status,
                        length)));
            }
            if (length >= 0 && length <= MAX_INLINE_BODY) {
                return readInline(request, status, head, answer.body(), reader);
            }
            // Reactor Netty's response timeout also bounds every silence while the body streams in.
            Flux<DataBuffer> body = watchedBody(request, answer.body());
            return Mono.fromCallable(() -> {
                InputStream in = DataBufferUtils.subscriberInputStream(body, BODY_DEMAND);
                try {
                    return reader.read(head, bounded ? new BoundedInputStream(in, this.limits.maxAnswerSize()) : in);
                }
                catch (Error error) {
                    // Reactor rethrows a JVM error past every operator, and the caller would wait for good.
                    throw this.failures.readerFailed(request, status, error);
                }
                finally {
                    closeQuietly(in);
                }
            }).subscribeOn(Schedulers.boundedElastic())
                    .onErrorMap(error -> this.failures.body(request, status, error));
        }
        if (answer.isRedirect()) {
            return answer.discard().get().then(Mono.error(this.failures.redirect(request, status,
                    headers.getLocation())));
        }
        return portalMessage(answer.body())
                .map(message -> this.failures.status(request, status, headers, message))
                .switchIfEmpty(Mono.fromSupplier(() -> this.failures.status(request, status, headers, null)))
                .flatMap(Mono::error);
    }

    // A small answer of announced size is read whole and parsed on the I/O thread: handing it to a worker thread
    // cost more than parsing it, and was most of the client's latency over a plain WebClient call
    // (docs/benchmarks.md, "Call overhead"). Large and chunked answers keep streaming on a worker.
    private <T> Mono<T> readInline(ApiRequest request, int status, ResponseHead head, Flux<DataBuffer> body,
            ResponseReader<T> reader) {
        // handle rather than flatMap(fromCallable): the same result without an inner subscription per call.
        return wholeBody(body, MAX_INLINE_BODY)
                .defaultIfEmpty(NO_BYTES)
                .<T>handle((bytes, sink) -> {
                    try {
                        T value = reader.read(head, new ByteArrayInputStream(bytes));
                        if (value != null) {
                            sink.next(value);
                        }
                    }
                    catch (Exception ex) {
                        sink.error(ex);
                    }
                    catch (Error error) {
                        // On the I/O thread, a rethrown JVM error would leave the caller waiting for good.
                        sink.error(this.failures.readerFailed(request, status, error));
                    }
                })
                .onErrorMap(error -> this.failures.body(request, status, error));
    }

    // A body that goes straight to its destination (a file) is handed over buffer by buffer on the I/O thread:
    // neither copied into a stream nor passed to a worker thread (docs/benchmarks.md, "Transfers against curl").
    private <T> Mono<T> readBuffers(ApiRequest request, int status, ResponseHead head, Flux<DataBuffer> body,
            BufferResponseReader<T> reader) {
        return Mono.defer(() -> {
            try {
                return reader.read(head, body);
            }
            catch (Error error) {
                return Mono.error(this.failures.readerFailed(request, status, error));
            }
        })
                .onErrorMap(error -> this.failures.body(request, status, error));
    }

    /** The body as one array; fails when it is larger than {@code maxBytes}; empty for no body. */
    private static Mono<byte[]> wholeBody(Flux<DataBuffer> body, int maxBytes) {
        // The buffers as they come, without the search through the message readers that bodyToFlux makes.
        return DataBufferUtils.join(body, maxBytes).map((buffer) -> {
            try {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                return bytes;
            }
            finally {
                DataBufferUtils.release(buffer);
            }
        });
    }

    /** The {@code msg} of an XML error body, when the body is small and well formed. */
    private Mono<String> portalMessage(Flux<DataBuffer> body) {
        return wholeBody(body, MAX_ERROR_BODY)
                .mapNotNull(this::messageOf)
                .onErrorResume(error -> Mono.empty());
    }

    private @Nullable String messageOf(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        if (body[0] == '{') {
            return jsonMessageOf(body);
        }
        try {
            XmlValue value = this.codec.decode(body);
            if (value instanceof XmlObject object && object.attributes().get("msg") instanceof XmlText text) {
                return text.text();
            }
            return null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /** The {@code details[0].error} of a JSON v2 error body (protocol §3.1), such as a change feed's 400. */
    private static @Nullable String jsonMessageOf(byte[] body) {
        try {
            JsonNode error = JsonErrorBodies.MAPPER.readTree(body).path("details").path(0).path("error");
            return error.isString() ? error.asString() : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    // Its own class so that Jackson (some 480 classes) loads on the first JSON error body, not with the transport:
    // the first call of a fresh JVM needs none of it (docs/startup.md).
    private static final class JsonErrorBodies {

        static final JsonMapper MAPPER = JsonMapper.builder().build();

        private JsonErrorBodies() {
        }
    }

    // A reader that ignores the body may finish before the stream has even subscribed; closing it then fails, and
    // there is nothing left to release: the exchange releases an unread body itself.
    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        }
        catch (IOException | IllegalStateException ex) {
            logger.trace("Closing an answer stream early: {}", ex.toString());
        }
    }

    /** Releases the connection pool. */
    @Override
    public void close() {
        this.connections.disposeLater().block(this.readTimeout);
    }
}
