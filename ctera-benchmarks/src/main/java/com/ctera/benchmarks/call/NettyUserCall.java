package com.ctera.benchmarks.call;

import java.net.URI;
import java.time.Duration;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.ctera.benchmarks.PlainPortalSession;
import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlValue;
import com.ctera.simulator.SimulatorCredentials;

/**
 * A floor below the plain {@code WebClient}: Reactor Netty's {@code HttpClient} alone posting the same get-multi
 * envelope with the same session cookie and reading the answer as bytes. It prices the {@code WebClient} layer.
 * {@link #getDecoded()} also decodes the answer with the client's codec: the floor of a typed call on Reactor Netty.
 */
public final class NettyUserCall implements AutoCloseable {

    private final PlainPortalSession login;

    private final ConnectionProvider connections = ConnectionProvider.builder("netty-floor").maxConnections(64).build();

    private final HttpClient http;

    private final String userUri;

    private final byte[] envelope;

    private final XmlCodec codec = new XmlCodec();

    /**
     * Logs in and checks that one call reads the user.
     * @throws IllegalStateException when the call does not answer with the user
     */
    public NettyUserCall(URI baseUrl, SimulatorCredentials admin, String user) {
        this.login = new PlainPortalSession(baseUrl, admin);
        String cookie = "JSESSIONID=" + this.login.sessionCookie();
        this.http = HttpClient.create(this.connections)
            .headers(headers -> headers.set(HttpHeaderNames.COOKIE, cookie)
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain"));
        this.userUri = this.login.api("/users/" + user).toString();
        this.envelope = PlainUserCall.getUserEnvelope();
        PlainUserCall.requireUser(get(), user, "the Reactor Netty call");
    }

    /** One call; the answer's bytes. */
    public byte[] get() {
        byte[] answer = this.http.post()
            .uri(this.userUri)
            .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(this.envelope)))
            .responseSingle((response, body) -> body.asByteArray())
            .block(Duration.ofSeconds(30));
        return (answer != null) ? answer : new byte[0];
    }

    /** One call, its answer decoded as the client decodes it and the user's name read from it. */
    public String getDecoded() {
        XmlValue value = this.codec.decode(get());
        if (!(value instanceof XmlObject user) || user.text("name") == null) {
            throw new IllegalStateException("the Reactor Netty call read no user: " + value);
        }
        return user.text("name");
    }

    /** Releases the connection pools. */
    @Override
    public void close() {
        this.connections.disposeLater().block(Duration.ofSeconds(5));
        this.login.close();
    }
}
