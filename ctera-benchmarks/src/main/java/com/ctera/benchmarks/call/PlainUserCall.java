package com.ctera.benchmarks.call;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.ctera.client.protocol.CallEnvelope;
import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.users.UserQuery;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * The baseline of the call-overhead measures: a plain {@code WebClient} with a session cookie of its own, posting the
 * exact get-multi envelope that {@code users().get(name)} sends to the same endpoint and reading the answer as bytes.
 */
public final class PlainUserCall implements AutoCloseable {

    private final ConnectionProvider connections;

    private final WebClient webClient;

    private final URI userUri;

    private final byte[] envelope;

    private final String sessionCookie;

    /**
     * Logs in to the simulator as its administrator and checks that one call reads the user.
     * @throws IllegalStateException when the login sets no cookie or the call does not answer with the user
     */
    public PlainUserCall(CteraPortalSimulator simulator, String user) {
        // Pool as large as the client's own, so both sides may hold one connection per caller.
        this.connections = ConnectionProvider.builder("plain").maxConnections(64).build();
        this.webClient = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connections)))
            .build();
        this.sessionCookie = login(simulator);
        this.userUri = URI.create(simulator.baseUrl() + "/admin/api/users/" + user);
        List<String> paths = UserQuery.DEFAULT_FIELDS.stream().map(field -> "/" + field).toList();
        this.envelope = new XmlCodec().encode(CallEnvelope.getMulti(paths));
        XmlValue answer = new XmlCodec().decode(get());
        if (!(answer instanceof XmlObject read) || !user.equals(read.text("name"))) {
            throw new IllegalStateException("the plain WebClient call did not read user " + user + ": " + answer);
        }
    }

    /** One call; the answer's bytes. */
    public byte[] get() {
        return this.webClient.post()
            .uri(this.userUri)
            .cookie("JSESSIONID", this.sessionCookie)
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue(this.envelope)
            .retrieve()
            .bodyToMono(byte[].class)
            .block();
    }

    private String login(CteraPortalSimulator simulator) {
        SimulatorCredentials admin = simulator.adminCredentials();
        String cookie = this.webClient.post()
            .uri(simulator.baseUrl() + "/admin/api/login")
            .body(BodyInserters.fromFormData("j_username", admin.username()).with("j_password", admin.password()))
            .exchangeToMono(response -> Mono.justOrEmpty(response.cookies().getFirst("JSESSIONID"))
                .map(ResponseCookie::getValue))
            .block(Duration.ofSeconds(10));
        if (cookie == null) {
            throw new IllegalStateException("the simulator's login set no JSESSIONID cookie");
        }
        return cookie;
    }

    /** Releases the connection pool. */
    @Override
    public void close() {
        this.connections.disposeLater().block(Duration.ofSeconds(5));
    }
}
