package com.ctera.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraPage;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.CteraSessionExpiredException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.PortalContext;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP layer against a tiny scripted server: headers sent, streaming reads, redirects and stalls. */
class PortalTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String ITEM = "<obj><att id=\"name\"><val>item</val></att></obj>";

    /** Sent before the server waits: far more than any parser's look-ahead buffer. */
    private static final int EARLY_ITEMS = 2000;

    private static final Map<String, String> seen = new ConcurrentHashMap<>();

    private static final Sinks.Empty<Void> firstItemRead = Sinks.empty();

    private static DisposableServer server;

    private static PortalTransport transport;

    @BeforeAll
    static void start() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .post("/admin/api/echo", (request, response) -> request.receive().aggregate().asString()
                        .flatMap(body -> {
                            seen.put("contentType", request.requestHeaders().get("Content-Type"));
                            seen.put("userAgent", request.requestHeaders().get("User-Agent"));
                            seen.put("cookie", String.valueOf(request.requestHeaders().get("Cookie")));
                            seen.put("contentLength", String.valueOf(request.requestHeaders().get("Content-Length")));
                            seen.put("transferEncoding",
                                    String.valueOf(request.requestHeaders().get("Transfer-Encoding")));
                            seen.put("body", body);
                            return response.header("Content-Type", "text/xml")
                                    .sendString(Mono.just("<val>ok</val>")).then();
                        }))
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
                        firstItemRead.asMono().then(Mono.just(
                                "<obj><att id=\"name\"><val>second</val></att></obj></list></att></obj>")))))
                .get("/admin/api/stall", (request, response) -> response.sendString(Flux.concat(
                        Mono.just("<obj><att id=\"name\">"), Mono.never())))
                .get("/admin/api/expired", (request, response) -> response.status(302)
                        .header("Location", "/ServicesPortal/login.html").send())
                .get("/admin/api/moved", (request, response) -> response.status(302)
                        .header("Location", "/elsewhere").send())
                .get("/admin/api/garbage", (request, response) -> response.sendString(Mono.just("<obj><att"))))
                .bindNow();
        PortalEndpoint endpoint = new PortalEndpoint(URI.create("http://127.0.0.1:" + server.port() + "/"),
                PortalContext.ADMIN);
        transport = PortalTransport.create(new TransportSettings("transport-test", endpoint, Duration.ofSeconds(2),
                Duration.ofMillis(700), "ctera-test-agent/1", false, null));
    }

    @AfterAll
    static void stop() {
        transport.close();
        server.disposeNow();
    }

    private static ApiRequest get(String node) {
        return ApiRequest.get(CteraOperation.USERS_QUERY, transport.endpoint().api(node));
    }

    @Test
    void sendsXmlAsTextPlainWithUserAgentAndSessionCookie() {
        byte[] xml = transport.codec().encode(new XmlText("a<b"));
        ApiRequest request = ApiRequest.post(CteraOperation.USERS_ADD, transport.endpoint().api("echo"), xml);
        StepVerifier.create(transport.exchange(request, RequestAuth.sessionCookie("C00KIE"),
                XmlResponses.tree(transport.codec())))
                .expectNext(new XmlText("ok"))
                .verifyComplete();
        assertThat(seen.get("contentType")).isEqualTo("text/plain");
        assertThat(seen.get("userAgent")).isEqualTo("ctera-test-agent/1");
        assertThat(seen.get("cookie")).isEqualTo("JSESSIONID=C00KIE");
        assertThat(seen.get("body")).isEqualTo("<val>a&lt;b</val>");
        // One sized body, as the SDK sends it: never chunked.
        assertThat(seen.get("contentLength")).isEqualTo(String.valueOf(xml.length));
        assertThat(seen.get("transferEncoding")).isEqualTo("null");
    }

    @Test
    void resubscribingSendsTheWholeBodyAgain() {
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

    @Test
    void deletesWithAndWithoutABody() {
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

    @Test
    void sendsTheBearerToken() {
        StepVerifier.create(transport.exchange(get("bearer"), RequestAuth.bearer("t0ken"),
                XmlResponses.tree(transport.codec())))
                .expectNext(new XmlText("Bearer t0ken"))
                .verifyComplete();
        assertThat(RequestAuth.bearer("t0ken").toString()).doesNotContain("t0ken");
        assertThat(RequestAuth.sessionCookie("C00KIE").toString()).doesNotContain("C00KIE");
    }

    @Test
    void decodesWhileTheBodyIsStillArriving() {
        ResponseReader<CteraPage<String>> reader = (head, body) -> transport.codec().decodePage(body, "objects",
                item -> {
                    firstItemRead.tryEmitEmpty();
                    return item.requireText("name");
                });
        StepVerifier.create(transport.exchange(get("stream"), RequestAuth.anonymous(), reader))
                .assertNext(page -> assertThat(page.items()).hasSize(EARLY_ITEMS + 1).endsWith("item", "second"))
                .verifyComplete();
    }

    @Test
    void aStalledBodyEndsWithTheReadTimeout() {
        StepVerifier.create(transport.exchange(get("stall"), RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec())))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(CteraTransportException.class).hasMessageContaining("read timeout");
                    assertThat(((CteraTransportException) error).operation()).isEqualTo("users.query");
                })
                .verify(WAIT);
    }

    @Test
    void theLoginPageRedirectIsSessionExpiryAndOthersAreProtocolErrors() {
        StepVerifier.create(transport.exchange(get("expired"), RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec())))
                .expectError(CteraSessionExpiredException.class)
                .verify(WAIT);
        StepVerifier.create(transport.exchange(get("moved"), RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec())))
                .expectError(CteraProtocolException.class)
                .verify(WAIT);
    }

    @Test
    void malformedAnswerIsAProtocolError() {
        StepVerifier.create(transport.exchange(get("garbage"), RequestAuth.anonymous(),
                XmlResponses.tree(transport.codec())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CteraProtocolException.class)
                        .hasMessageContaining("users.query"))
                .verify(WAIT);
    }

    @Test
    void endpointEncodesEachSegment() {
        assertThat(transport.endpoint().api("users", "a b/c")).hasToString("http://127.0.0.1:" + server.port()
                + "/admin/api/users/a%20b%2Fc");
    }
}
