package com.ctera.client.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.RequestReplySenderContext;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraPage;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.CteraSessionExpiredException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.PortalContext;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP layer against a tiny scripted server: headers sent, streaming reads, redirects and stalls, each on both
 * paths an API call can take (Reactor Netty directly, or the WebClient when it carries a filter).
 */
class PortalTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String TIMER_HOOK = "attempt-timer-test";

    private static final String ITEM = "<obj><att id=\"name\"><val>item</val></att></obj>";

    /** Sent before the server waits: far more than any parser's look-ahead buffer. */
    private static final int EARLY_ITEMS = 2000;

    private static final Map<String, String> seen = new ConcurrentHashMap<>();

    private static final AtomicReference<Sinks.Empty<Void>> firstItemRead = new AtomicReference<>(Sinks.empty());

    /** Requests the WebClient's filter saw. */
    private static final AtomicInteger filtered = new AtomicInteger();

    private static final TestObservationRegistry observations = TestObservationRegistry.create();

    private static DisposableServer server;

    private static PortalTransport direct;

    private static PortalTransport throughWebClient;

    private static PortalTransport observed;

    /** The two paths of an API call. */
    enum Path {

        DIRECT, WEB_CLIENT;

        PortalTransport transport() {
            return (this == DIRECT) ? direct : throughWebClient;
        }
    }

    @BeforeAll
    static void start() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .post("/admin/api/echo", (request, response) -> request.receive().aggregate().asString()
                        .flatMap(body -> {
                            seen.put("contentType", request.requestHeaders().get("Content-Type"));
                            seen.put("userAgent", request.requestHeaders().get("User-Agent"));
                            seen.put("cookie", String.valueOf(request.requestHeaders().get("Cookie")));
                            seen.put("traceparent", String.valueOf(request.requestHeaders().get("traceparent")));
                            seen.put("contentLength", String.valueOf(request.requestHeaders().get("Content-Length")));
                            seen.put("transferEncoding",
                                    String.valueOf(request.requestHeaders().get("Transfer-Encoding")));
                            seen.put("body", body);
                            return response.header("Content-Type", "text/xml")
                                    .sendString(Mono.just("<val>ok</val>")).then();
                        }))
                .post("/admin/api/form", (request, response) -> {
                    seen.put("formContentType", request.requestHeaders().get("Content-Type"));
                    seen.put("formLength", String.valueOf(request.requestHeaders().get("Content-Length")));
                    return request.receiveForm()
                            .map(part -> (part instanceof FileUpload file) ? part.getName() + "["
                                    + file.getFilename() + ", " + file.getContentType() + "]=" + value(part)
                                    : part.getName() + "=" + value(part))
                            .collectList()
                            .flatMap(parts -> response.sendString(Mono.just("<val>" + String.join("|", parts)
                                    .replace("&", "&amp;").replace("<", "&lt;") + "</val>")).then());
                })
                .delete("/admin/api/node", (request, response) -> request.receive().aggregate().asString()
                        .defaultIfEmpty("")
                        .flatMap(body -> response.sendString(Mono.just("<val>deleted " + body.length() + "</val>"))
                                .then()))
                .get("/admin/api/bearer", (request, response) -> response
                        .sendString(Mono.just("<val>" + request.requestHeaders().get("Authorization") + "</val>")))
                .get("/admin/api/stream", (request, response) -> response.sendString(Flux.concat(
                        Mono.just("<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list>"
                                + ITEM.repeat(EARLY_ITEMS)),
                        // The rest is held back until the client has decoded the first item: only a streaming
                        // reader can get there.
                        firstItemRead.get().asMono().then(Mono.just(
                                "<obj><att id=\"name\"><val>second</val></att></obj></list></att></obj>")))))
                .get("/admin/api/stall", (request, response) -> response.sendString(Flux.concat(
                        Mono.just("<obj><att id=\"name\">"), Mono.never())))
                .get("/admin/api/expired", (request, response) -> response.status(302)
                        .header("Location", "/ServicesPortal/login.html").send())
                .get("/admin/api/moved", (request, response) -> response.status(302)
                        .header("Location", "/elsewhere").send())
                .get("/admin/api/missing", (request, response) -> response.status(404)
                        .sendString(Mono.just("<obj><att id=\"msg\"><val>no such user</val></att></obj>")))
                .get("/admin/api/garbage", (request, response) -> response.sendString(Mono.just("<obj><att"))))
                .bindNow();
        PortalEndpoint endpoint = new PortalEndpoint(URI.create("http://127.0.0.1:" + server.port() + "/"),
                PortalContext.ADMIN);
        direct = PortalTransport.create(settings(endpoint, null, ObservationRegistry.NOOP));
        WebClient.Builder filteredBuilder = WebClient.builder().filter((request, next) -> {
            filtered.incrementAndGet();
            return next.exchange(request);
        });
        throughWebClient = PortalTransport.create(settings(endpoint, filteredBuilder, ObservationRegistry.NOOP));
        // Stands in for a tracer: puts a header on every observed exchange through the context's setter.
        observations.observationConfig().observationHandler(new ObservationHandler<RequestReplySenderContext<Object, ?>>() {

            @Override
            public void onStart(RequestReplySenderContext<Object, ?> context) {
                context.getSetter().set(context.getCarrier(), "traceparent", "00-trace-span-01");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof RequestReplySenderContext<?, ?>;
            }
        });
        observed = PortalTransport.create(settings(endpoint, null, observations));
    }

    private static TransportSettings settings(PortalEndpoint endpoint, WebClient.@Nullable Builder builder,
            ObservationRegistry registry) {
        return new TransportSettings("transport-test", endpoint, Duration.ofSeconds(2), Duration.ofMillis(700),
                "ctera-test-agent/1", false, builder, registry, null, TransferThroughput.DEFAULT, null);
    }

    @AfterAll
    static void stop() {
        direct.close();
        throughWebClient.close();
        observed.close();
        server.disposeNow();
    }

    private static String value(HttpData part) {
        try {
            return part.getString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static ApiRequest get(String node) {
        return ApiRequest.get(CteraOperation.USERS_QUERY, direct.endpoint().api(node));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void sendsXmlAsTextPlainWithUserAgentAndSessionCookie(Path path) {
        PortalTransport transport = path.transport();
        int filteredBefore = filtered.get();
        byte[] xml = transport.codec().encode(new XmlText("a<b"));
        ApiRequest request = ApiRequest.post(CteraOperation.USERS_ADD, transport.endpoint().api("echo"), xml);
        StepVerifier.create(transport.exchange(request, RequestAuth.sessionCookie("C00KIE"),
                XmlResponses.tree(transport.codec())))
                .expectNext(new XmlText("ok"))
                .verifyComplete();
        assertThat(filtered.get() > filteredBefore).as("the filter saw the call").isEqualTo(path == Path.WEB_CLIENT);
        assertThat(seen.get("contentType")).isEqualTo("text/plain");
        assertThat(seen.get("userAgent")).isEqualTo("ctera-test-agent/1");
        assertThat(seen.get("cookie")).isEqualTo("JSESSIONID=C00KIE");
        assertThat(seen.get("body")).isEqualTo("<val>a&lt;b</val>");
        // One sized body, as the SDK sends it: never chunked.
        assertThat(seen.get("contentLength")).isEqualTo(String.valueOf(xml.length));
        assertThat(seen.get("transferEncoding")).isEqualTo("null");
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void resubscribingSendsTheWholeBodyAgain(Path path) {
        PortalTransport transport = path.transport();
        byte[] xml = transport.codec().encode(new XmlText("again"));
        ApiRequest request = ApiRequest.post(CteraOperation.USERS_GET, transport.endpoint().api("echo"), xml);
        Mono<XmlValue> exchange = transport.exchange(request, RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec()));
        for (int attempt = 1; attempt <= 2; attempt++) {
            seen.remove("body");
            StepVerifier.create(exchange).expectNext(new XmlText("ok")).verifyComplete();
            assertThat(seen.get("body")).as("attempt %d", attempt).isEqualTo("<val>again</val>");
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void deletesWithAndWithoutABody(Path path) {
        PortalTransport transport = path.transport();
        ApiRequest bare = ApiRequest.delete(CteraOperation.USERS_DELETE, transport.endpoint().api("node"), null);
        StepVerifier.create(transport.exchange(bare, RequestAuth.anonymous(), XmlResponses.tree(transport.codec())))
                .expectNext(new XmlText("deleted 0"))
                .verifyComplete();
        ApiRequest withBody = ApiRequest.delete(CteraOperation.USERS_DELETE, transport.endpoint().api("node"),
                transport.codec().encode(new XmlText("x")));
        StepVerifier.create(transport.exchange(withBody, RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec())))
                .expectNext(new XmlText("deleted 12"))
                .verifyComplete();
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void sendsTheBearerToken(Path path) {
        PortalTransport transport = path.transport();
        StepVerifier.create(transport.exchange(get("bearer"), RequestAuth.bearer("t0ken"),
                XmlResponses.tree(transport.codec())))
                .expectNext(new XmlText("Bearer t0ken"))
                .verifyComplete();
        assertThat(RequestAuth.bearer("t0ken").toString()).doesNotContain("t0ken");
        assertThat(RequestAuth.sessionCookie("C00KIE").toString()).doesNotContain("C00KIE");
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void decodesWhileTheBodyIsStillArriving(Path path) {
        PortalTransport transport = path.transport();
        Sinks.Empty<Void> itemRead = Sinks.empty();
        firstItemRead.set(itemRead);
        ResponseReader<CteraPage<String>> reader = (head, body) -> transport.codec().decodePage(body, "objects",
                item -> {
                    itemRead.tryEmitEmpty();
                    return item.requireText("name");
                });
        StepVerifier.create(transport.exchange(get("stream"), RequestAuth.anonymous(), reader))
                .assertNext(page -> assertThat(page.items()).hasSize(EARLY_ITEMS + 1).endsWith("item", "second"))
                .verifyComplete();
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void aStalledBodyEndsWithTheReadTimeout(Path path) {
        PortalTransport transport = path.transport();
        StepVerifier.create(transport.exchange(get("stall"), RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec())))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(CteraTransportException.class).hasMessageContaining("read timeout");
                    assertThat(((CteraTransportException) error).operation()).isEqualTo("users.query");
                })
                .verify(WAIT);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void theLoginPageRedirectIsSessionExpiryAndOthersAreProtocolErrors(Path path) {
        PortalTransport transport = path.transport();
        StepVerifier.create(transport.exchange(get("expired"), RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec())))
                .expectError(CteraSessionExpiredException.class)
                .verify(WAIT);
        StepVerifier.create(transport.exchange(get("moved"), RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec())))
                .expectError(CteraProtocolException.class)
                .verify(WAIT);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void malformedAnswerIsAProtocolError(Path path) {
        PortalTransport transport = path.transport();
        StepVerifier.create(transport.exchange(get("garbage"), RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CteraProtocolException.class)
                        .hasMessageContaining("users.query"))
                .verify(WAIT);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void sendsAMultipartUploadSizedWithTheFileStreamedBetweenItsParts(Path path) {
        PortalTransport transport = path.transport();
        byte[] file = "a file's bytes".getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> content = Flux.just("a file's ", "bytes")
                .map(text -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
        MultipartUpload upload = new MultipartUpload(List.of(Map.entry("name", "résumé 1.txt"),
                Map.entry("fileSize", String.valueOf(file.length))), "file", "résumé 1.txt", content,
                (path == Path.DIRECT) ? file.length : -1);
        ApiRequest request = ApiRequest.multipart(CteraOperation.FILES_UPLOAD, transport.endpoint().api("form"),
                upload);
        StepVerifier.create(transport.exchange(request, RequestAuth.anonymous(), XmlResponses.tree(transport.codec())))
                .expectNext(new XmlText("name=résumé 1.txt|fileSize=14|file[résumé 1.txt, "
                        + "application/octet-stream]=a file's bytes"))
                .verifyComplete();
        assertThat(seen.get("formContentType")).startsWith("multipart/form-data;boundary=");
        if (path == Path.DIRECT) {
            assertThat(seen.get("formLength")).as("sized, as curl sends it").isNotEqualTo("null");
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void sendsALocalFilePartFromDiskOnAPlainConnectionAndItsBuffersOtherwise(Path path) throws IOException {
        PortalTransport transport = path.transport();
        byte[] bytes = "a file's bytes, from disk".getBytes(StandardCharsets.UTF_8);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("file-part-", ".bin");
        try {
            java.nio.file.Files.write(file, bytes);
            AtomicInteger checked = new AtomicInteger();
            List<Long> counts = new java.util.concurrent.CopyOnWriteArrayList<>();
            LocalFilePart part = new LocalFilePart(file, bytes.length, () -> checked::incrementAndGet,
                    sent -> sent.doOnNext(counts::add));
            // Reactor Netty directly must send the file itself; a WebClient, which cannot, the buffers.
            Flux<DataBuffer> buffers = (path == Path.DIRECT) ? Flux.error(new AssertionError("buffers were read"))
                    : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
            MultipartUpload upload = new MultipartUpload(List.of(Map.entry("name", "f.bin")), "file", "f.bin",
                    buffers, bytes.length, part);
            ApiRequest request = ApiRequest.multipart(CteraOperation.FILES_UPLOAD, transport.endpoint().api("form"),
                    upload);
            StepVerifier.create(transport.exchange(request, RequestAuth.anonymous(),
                    XmlResponses.tree(transport.codec())))
                    .expectNext(new XmlText("name=f.bin|file[f.bin, application/octet-stream]="
                            + "a file's bytes, from disk"))
                    .verifyComplete();
            if (path == Path.DIRECT) {
                assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(bytes.length);
                assertThat(checked).as("checked after the last byte").hasValue(1);
                assertThat(seen.get("formLength")).isNotEqualTo("null");
            }
        }
        finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void sendsAFormUrlEncoded(Path path) {
        PortalTransport transport = path.transport();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("j_username", "ad min");
        fields.put("j_password", "p&ss=wörd");
        ApiRequest request = ApiRequest.form(CteraOperation.LOGIN, transport.endpoint().api("form"), fields);
        StepVerifier.create(transport.exchange(request, RequestAuth.anonymous(), XmlResponses.tree(transport.codec())))
                .expectNext(new XmlText("j_username=ad min|j_password=p&ss=wörd"))
                .verifyComplete();
        assertThat(seen.get("formContentType")).startsWith("application/x-www-form-urlencoded");
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void aPortalErrorIsTypedWithThePortalsMessage(Path path) {
        StepVerifier.create(path.transport().exchange(get("missing"), RequestAuth.anonymous(),
                XmlResponses.tree(path.transport().codec())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CteraNotFoundException.class)
                        .hasMessageContaining("users.query").hasMessageContaining("no such user"))
                .verify(WAIT);
    }

    @Test
    void eachDirectExchangeIsObservedAsWebClientObservesOneWithTheTracersHeaders() {
        observations.clear();
        Observation call = Observation.start("call", observations);
        byte[] xml = observed.codec().encode(new XmlText("traced"));
        ApiRequest post = ApiRequest.post(CteraOperation.USERS_ADD, observed.endpoint().api("echo"), xml);
        StepVerifier.create(observed.exchange(post, RequestAuth.anonymous(), XmlResponses.tree(observed.codec()))
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, call)))
                .expectNext(new XmlText("ok"))
                .verifyComplete();
        StepVerifier.create(observed.exchange(get("missing"), RequestAuth.anonymous(),
                XmlResponses.tree(observed.codec())))
                .expectError(CteraNotFoundException.class)
                .verify(WAIT);
        call.stop();
        assertThat(seen.get("traceparent")).isEqualTo("00-trace-span-01");
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo("http.client.requests", 2)
                .hasObservationWithNameEqualTo("http.client.requests")
                .that()
                .hasParentObservationEqualTo(call)
                .hasLowCardinalityKeyValue("method", "POST")
                .hasLowCardinalityKeyValue("status", "200")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS");
        // An answer that came is the exchange's outcome, as with WebClient: a 404 is no exception of the exchange.
        assertThat(observations).hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
                .filteredOn(context -> "404".equals(String.valueOf(context.getLowCardinalityKeyValue("status")
                        != null ? context.getLowCardinalityKeyValue("status").getValue() : null)))
                .singleElement()
                .satisfies(context -> {
                    assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("CLIENT_ERROR");
                    assertThat(context.getLowCardinalityKeyValue("exception").getValue()).isEqualTo("none");
                }));
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void callsAnsweredInTimeScheduleNoTimerTaskEach(Path path) {
        PortalTransport transport = path.transport();
        AtomicInteger clientTasks = new AtomicInteger();
        Schedulers.onScheduleHook(TIMER_HOOK, task -> {
            if (Arrays.stream(new Exception().getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("com.ctera.client."))) {
                clientTasks.incrementAndGet();
            }
            return task;
        });
        try {
            for (int call = 0; call < 200; call++) {
                StepVerifier.create(transport.exchange(get("bearer"), RequestAuth.bearer("t0ken"),
                        XmlResponses.tree(transport.codec())))
                        .expectNext(new XmlText("Bearer t0ken"))
                        .verifyComplete();
            }
        }
        finally {
            Schedulers.resetOnScheduleHook(TIMER_HOOK);
        }
        // One task armed for the earliest attempt timeout at most, where a timeout operator scheduled one per call.
        assertThat(clientTasks.get()).as("timer tasks scheduled by 200 calls").isLessThanOrEqualTo(1);
        assertThat(transport.attemptsWatched()).as("attempts still watched").isZero();
    }

    @Test
    void endpointEncodesEachSegment() {
        PortalTransport transport = direct;
        assertThat(transport.endpoint().api("users", "a b/c")).hasToString("http://127.0.0.1:" + server.port()
                + "/admin/api/users/a%20b%2Fc");
    }
}
