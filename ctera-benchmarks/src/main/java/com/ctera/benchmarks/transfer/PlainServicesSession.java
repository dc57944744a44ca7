package com.ctera.benchmarks.transfer;

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

/**
 * The tree walk's baseline: a plain {@code WebClient} logged in to the services portal with a session cookie of its
 * own, posting ready-made bodies to {@code /ServicesPortal/api} and reading the answers as bytes.
 */
final class PlainServicesSession implements AutoCloseable {

    private final ConnectionProvider connections = ConnectionProvider.builder("plain-services").maxConnections(8).build();

    private final WebClient webClient;

    private final URI api;

    private final String sessionCookie;

    /**
     * Logs in.
     * @throws IllegalStateException when the login sets no session cookie
     */
    PlainServicesSession(URI baseUrl, String username, String password) {
        this.webClient = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connections)))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
            .build();
        this.api = URI.create(baseUrl + "/ServicesPortal/api");
        String cookie = this.webClient.post()
            .uri(baseUrl + "/ServicesPortal/api/login")
            .body(BodyInserters.fromFormData("j_username", username).with("j_password", password))
            .exchangeToMono(response -> Mono.justOrEmpty(response.cookies().getFirst("JSESSIONID"))
                .map(ResponseCookie::getValue))
            .block(Duration.ofSeconds(10));
        if (cookie == null) {
            throw new IllegalStateException("the services portal's login set no JSESSIONID cookie");
        }
        this.sessionCookie = cookie;
    }

    /** Posts an XML body to the API within the session; the answer's bytes (empty for an empty answer). */
    byte[] post(byte[] body) {
        byte[] answer = this.webClient.post()
            .uri(this.api)
            .cookie("JSESSIONID", this.sessionCookie)
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue(body)
            .retrieve()
            .bodyToMono(byte[].class)
            .block(Duration.ofMinutes(1));
        return (answer != null) ? answer : new byte[0];
    }

    @Override
    public void close() {
        this.connections.disposeLater().block(Duration.ofSeconds(5));
    }
}
