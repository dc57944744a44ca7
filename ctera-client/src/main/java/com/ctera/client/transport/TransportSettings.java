package com.ctera.client.transport;

import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Everything the HTTP layer of one portal needs; validated by the portal builder.
 * @param portalName the configured name, used for the connection pool's name
 * @param endpoint base URL and context
 * @param connectTimeout TCP connect timeout
 * @param readTimeout longest wait for the status line, and longest silence while a body streams in
 * @param userAgent the {@code User-Agent} header value
 * @param insecureTrustAllCertificates skip TLS certificate verification (test portals only)
 * @param webClientBuilder a builder to start from (cloned; its connector is replaced), or {@code null}
 * @param httpObservations observes each HTTP exchange as {@code http.client.requests}; noop for none
 * @param httpObservationConvention names and tags those observations; {@code null} for Spring's default
 * @param transferThroughput the slowest a file transfer may move before it fails as stalled
 * @param sslContext the client TLS context to verify the portal with (its trust material), or {@code null} for the
 * JVM's default trust
 */
public record TransportSettings(String portalName, PortalEndpoint endpoint, Duration connectTimeout,
        Duration readTimeout, String userAgent, boolean insecureTrustAllCertificates,
        WebClient.@Nullable Builder webClientBuilder, ObservationRegistry httpObservations,
        @Nullable ClientRequestObservationConvention httpObservationConvention,
        TransferThroughput transferThroughput, @Nullable SslContext sslContext) {
}
