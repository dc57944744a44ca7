package com.ctera.benchmarks;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

/**
 * The baseline side of the benchmarks: a plain {@code WebClient}, logged in to the simulator as its administrator
 * with a session cookie of its own, that posts ready-made bodies and reads answers as bytes, with no typed client
 * code in between.
 */
public final class PlainPortalSession implements AutoCloseable {

    private final ConnectionProvider connections;

    private final WebClient webClient;

    private final URI baseUrl;

    private final String sessionCookie;

    /**
     * Logs in.
     * @throws IllegalStateException when the login sets no session cookie
     */
    public PlainPortalSession(CteraPortalSimulator simulator) {
        this(simulator.baseUrl(), simulator.adminCredentials());
    }

    /**
     * Logs in to the portal at {@code baseUrl}, a simulator in this JVM or in another one, as {@code admin}.
     * @throws IllegalStateException when the login sets no session cookie
     */
    public PlainPortalSession(URI baseUrl, SimulatorCredentials admin) {
        // Pool as large as the client's own, so both sides may hold one connection per caller.
        this.connections = ConnectionProvider.builder("plain").maxConnections(64).build();
        this.webClient = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connections)))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(256 * 1024 * 1024))
            .build();
        this.baseUrl = baseUrl;
        String cookie = this.webClient.post()
            .uri(this.baseUrl + "/admin/api/login")
            .body(BodyInserters.fromFormData("j_username", admin.username()).with("j_password", admin.password()))
            .exchangeToMono(response -> Mono.justOrEmpty(response.cookies().getFirst("JSESSIONID"))
                .map(ResponseCookie::getValue))
            .block(Duration.ofSeconds(10));
        if (cookie == null) {
            throw new IllegalStateException("the simulator's login set no JSESSIONID cookie");
        }
        this.sessionCookie = cookie;
    }

    /** The session cookie's value, for a baseline that sends requests of its own. */
    public String sessionCookie() {
        return this.sessionCookie;
    }

    /** The URI of an admin API path such as {@code /users/alice}. */
    public URI api(String path) {
        return URI.create(this.baseUrl + "/admin/api" + path);
    }

    /** Posts an XML body within the session; the answer's bytes (empty for an empty answer). */
    public byte[] post(URI uri, byte[] body) {
        byte[] answer = this.webClient.post()
            .uri(uri)
            .cookie("JSESSIONID", this.sessionCookie)
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue(body)
            .retrieve()
            .bodyToMono(byte[].class)
            .block();
        return (answer != null) ? answer : new byte[0];
    }

    /** Releases the connection pool. */
    @Override
    public void close() {
        this.connections.disposeLater().block(Duration.ofSeconds(5));
    }
}
