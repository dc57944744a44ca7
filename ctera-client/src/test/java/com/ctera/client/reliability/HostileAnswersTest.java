package com.ctera.client.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.ctera.client.CteraOperation;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraPortalBuilder;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.PortalContext;
import com.ctera.client.protocol.XmlNull;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.resilience.RetryInterceptor;
import com.ctera.client.resilience.RetryPolicy;
import com.ctera.client.transport.ApiRequest;
import com.ctera.client.transport.PortalEndpoint;
import com.ctera.client.transport.PortalTransport;
import com.ctera.client.transport.RequestAuth;
import com.ctera.client.transport.ResponseReader;
import com.ctera.client.transport.TransferThroughput;
import com.ctera.client.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The client against a portal that answers with what exhausts memory or time (issue 21): each call ends within a
 * bounded time with a typed exception naming the limit and the property that sets it.
 */
class HostileAnswersTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final HostilePortal portal = HostilePortal.start();

    private static CteraPortal client(UnaryOperator<CteraPortalBuilder> settings) {
        return settings.apply(CteraPortal.builder()
            .name("hostile")
            .baseUrl(portal.url())
            .bearerToken("bearer-token-for-tests")
            .readTimeout(Duration.ofSeconds(3)))
            .build();
    }

    @Test
    void megabytesOfWhitespaceInsideAnObjectEndTheCallAtTheTextLimit() {
        // The reproduction of issue 21: 32 MiB of whitespace inside <obj>, which exhausted a 128 MiB heap.
        portal.script((request, out) -> {
            int padding = 32 * MIB;
            out.write(HostilePortal.head(200, "Content-Length: " + ("<obj>".length() + padding + "</obj>".length())));
            out.write("<obj>".getBytes(StandardCharsets.US_ASCII));
            writeRepeated(out, (byte) ' ', padding);
            out.write("</obj>".getBytes(StandardCharsets.US_ASCII));
        });
        // A 2 Mi limit rather than the default 8 Mi keeps the test short; the path is the same.
        try (CteraPortal client = client(builder -> builder.maxTextLength(2 * MIB))) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.users().list().toList())
                .isInstanceOf(CteraProtocolException.class)
                .hasMessageContaining("longer than the limit of " + (2 * MIB) + " characters")
                .hasMessageContaining("ctera.portals.hostile.limits.max-text-length"));
        }
    }

    @Test
    void aHugeTextValueEndsTheCallAtTheTextLimit() {
        portal.script((request, out) -> {
            out.write(HostilePortal.head(200, ""));
            out.write("<obj><att id=\"hasMore\"><val>".getBytes(StandardCharsets.US_ASCII));
            writeRepeated(out, (byte) 'x', 3 * MIB);
            out.write("</val></att></obj>".getBytes(StandardCharsets.US_ASCII));
        });
        try (CteraPortal client = client(builder -> builder.maxTextLength(MIB))) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.users().list().toList())
                .isInstanceOf(CteraProtocolException.class)
                .hasMessageContaining("limits.max-text-length"));
        }
    }

    @Test
    void anAnswerAnnouncedLargerThanTheLimitIsNotRead() {
        portal.script((request, out) -> {
            out.write(HostilePortal.head(200, "Content-Length: " + (2 * MIB)));
            writeRepeated(out, (byte) ' ', 2 * MIB);
        });
        try (CteraPortal client = client(builder -> builder.maxAnswerSize(MIB))) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.users().list().toList())
                .isInstanceOf(CteraProtocolException.class)
                .hasMessageContaining("announces " + (2 * MIB) + " bytes, more than the limit of " + MIB)
                .hasMessageContaining("ctera.portals.hostile.limits.max-answer-size"));
        }
    }

    @Test
    void anAnswerOfUnannouncedSizeStopsAtTheLimit() {
        // No Content-Length: the body ends when the connection closes, so only counting can bound it.
        portal.script((request, out) -> {
            out.write(HostilePortal.head(200, "X-Padding: comments"));
            out.write("<obj>".getBytes(StandardCharsets.US_ASCII));
            byte[] comment = "<!-- padding -->".getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < 4 * MIB; written += comment.length) {
                out.write(comment);
            }
        });
        try (CteraPortal client = client(builder -> builder.maxAnswerSize(MIB))) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.users().list().toList())
                .isInstanceOf(CteraProtocolException.class)
                .hasMessageContaining("is larger than the limit of " + MIB + " bytes")
                .hasMessageContaining("limits.max-answer-size"));
        }
    }

    @Test
    void aJvmErrorWhileReadingEndsTheCallAndLeavesTheEventLoopsServing() throws IOException {
        try (PortalTransport transport = PortalTransport.create(new TransportSettings("errors",
                new PortalEndpoint(portal.url(), PortalContext.ADMIN), Duration.ofSeconds(2), Duration.ofSeconds(3),
                "test", false, null, ObservationRegistry.NOOP, null, TransferThroughput.DEFAULT, null))) {
            ApiRequest request = ApiRequest.get(CteraOperation.USERS_READ, portal.url().resolve("/admin/api/x"));
            ResponseReader<XmlValue> outOfMemory = (head, body) -> {
                body.readAllBytes();
                throw new OutOfMemoryError("simulated: the decoder ran out of heap");
            };
            ResponseReader<XmlValue> overflow = (head, body) -> {
                throw new StackOverflowError();
            };
            // Small answers of announced size are read on the I/O thread, others on a worker: both must end.
            for (HostilePortal.Script script : new HostilePortal.Script[] { HostilePortal.answer(200, "<obj/>"),
                    (in, out) -> {
                        out.write(HostilePortal.head(200, "X-Length: unannounced"));
                        writeRepeated(out, (byte) ' ', 200_000);
                    } }) {
                portal.script(script);
                for (ResponseReader<XmlValue> reader : Arrays.asList(outOfMemory, overflow)) {
                    assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> transport
                        .exchange(request, RequestAuth.anonymous(), reader).block())
                        .isInstanceOf(CteraProtocolException.class)
                        .hasMessageContaining("failed with")
                        .cause().isInstanceOf(Error.class));
                }
            }
            portal.script(HostilePortal.answer(200, "<obj/>"));
            assertThat(transport.exchange(request, RequestAuth.anonymous(), (head, body) -> XmlNull.INSTANCE)
                .block(BOUND)).isSameAs(XmlNull.INSTANCE);
        }
    }

    @Test
    void aPortalTricklingItsHeadersIsAbandonedAtTheAttemptTimeoutAndRetried() {
        portal.script((request, out) -> HostilePortal.trickle(out, HostilePortal.head(200, "Content-Length: 0"), 100));
        int before = portal.requests().size();
        try (CteraPortal client = client(builder -> builder.attemptTimeout(Duration.ofMillis(600))
            .interceptor(new RetryInterceptor(RetryPolicy.DEFAULT.withMaxAttempts(2))))) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.users().list().toList())
                .isInstanceOf(CteraTransportException.class)
                .hasMessageContaining("attempt timeout of PT0.6S")
                .hasMessageContaining("ctera.portals.hostile.timeouts.attempt"));
        }
        // users.query is idempotent: the abandoned attempt was repeated once.
        assertThat(portal.requests().size() - before).isEqualTo(2);
    }

    @Test
    void aPortalTricklingABodyOrAnErrorBodyIsAbandonedAtTheAttemptTimeout() {
        for (int status : new int[] { 200, 500 }) {
            portal.script((request, out) -> {
                out.write(HostilePortal.head(status, "Content-Length: 200"));
                out.flush();
                byte[] body = new byte[200];
                Arrays.fill(body, (byte) ' ');
                HostilePortal.trickle(out, body, 100);
            });
            try (CteraPortal client = client(builder -> builder.attemptTimeout(Duration.ofMillis(600)))) {
                assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.users().list().toList())
                    .isInstanceOf(CteraTransportException.class)
                    .hasMessageContaining("timeouts.attempt"));
            }
        }
    }

    @Test
    void aListingWithoutEndStopsAtTheItemLimit() {
        portal.script((request, out) -> {
            int start = startFrom(request);
            String xml = "<obj><att id=\"hasMore\"><val>true</val></att><att id=\"objects\"><list>"
                    + "<obj class=\"PortalUser\"><att id=\"name\"><val>user" + start + "</val></att></obj>"
                    + "</list></att></obj>";
            HostilePortal.answer(200, xml).answer(request, out);
        });
        try (CteraPortal client = client(builder -> builder.maxListItems(40))) {
            assertTimeoutPreemptively(BOUND, () -> {
                assertThatThrownBy(() -> client.users().list().toList())
                    .isInstanceOf(CteraProtocolException.class)
                    .hasMessageContaining("past the limit of 40 items")
                    .hasMessageContaining("limits.max-list-items");
                assertThatThrownBy(() -> client.reactive().users().list().collectList().block())
                    .isInstanceOf(CteraProtocolException.class)
                    .hasMessageContaining("limits.max-list-items");
            });
        }
    }

    @Test
    void aListingThatRepeatsItsPageStopsAtTheRepeat() {
        portal.script(HostilePortal.answer(200, "<obj><att id=\"hasMore\"><val>true</val></att><att id=\"objects\">"
                + "<list><obj class=\"PortalUser\"><att id=\"name\"><val>same</val></att></obj></list></att></obj>"));
        int before = portal.requests().size();
        try (CteraPortal client = client(builder -> builder)) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.users().list().toList())
                .isInstanceOf(CteraProtocolException.class)
                .hasMessageContaining("same items as the page before it"));
        }
        assertThat(portal.requests().size() - before).isEqualTo(2);
    }

    private static int startFrom(HostilePortal.Request request) {
        Matcher matcher = Pattern.compile("<att id=\"startFrom\"><val>(\\d+)</val>").matcher(request.body());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static void writeRepeated(OutputStream out, byte value, int count) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, value);
        for (int written = 0; written < count; written += chunk.length) {
            out.write(chunk, 0, Math.min(chunk.length, count - written));
        }
    }
}
