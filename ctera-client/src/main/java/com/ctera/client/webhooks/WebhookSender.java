package com.ctera.client.webhooks;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.ctera.client.transport.RetryAfter;

/**
 * POSTs webhook messages on Reactor Netty: to the address the guard checked (the URL's host still names the
 * receiver in {@code Host} and SNI), no redirects followed, its own connect and read timeouts, TLS verified.
 */
final class WebhookSender implements AutoCloseable {

    private final ConnectionProvider connections;

    private final HttpClient client;

    private final Clock clock;

    WebhookSender(Duration connectTimeout, Duration readTimeout, int maxConnections, Clock clock) {
        this.connections = ConnectionProvider.builder("ctera-webhooks").maxConnections(maxConnections)
            .pendingAcquireMaxCount(-1).maxIdleTime(Duration.ofSeconds(30)).build();
        this.client = HttpClient.create(this.connections)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
            .responseTimeout(readTimeout)
            .followRedirect(false)
            // Each attempt is counted and scheduled by the outbox; the transport must not add its own retry.
            .disableRetry(true);
        this.clock = clock;
    }

    Mono<DeliveryOutcome> post(URI url, InetSocketAddress address, Map<String, String> headers, byte[] body) {
        return this.client.remoteAddress(() -> address)
            .headers(out -> {
                headers.forEach(out::set);
                out.set("Content-Type", "application/json");
                out.set("User-Agent", "ctera-spring-boot-webhooks");
            })
            .post()
            .uri(url)
            .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
            .response((response, content) -> content.then(Mono.fromSupplier(() -> {
                int status = response.status().code();
                if (status >= 200 && status < 300) {
                    return new DeliveryOutcome(status, null, null);
                }
                String retryAfter = response.responseHeaders().get("Retry-After");
                String error = "HTTP " + status + ((status >= 300 && status < 400) ? " (redirects are not followed)" : "");
                return new DeliveryOutcome(status, RetryAfter.parse(retryAfter, this.clock), error);
            })))
            .next()
            .onErrorResume(ex -> Mono.just(DeliveryOutcome.failure(describe(ex))));
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        String kind = ex.getClass().getSimpleName();
        return (message == null || message.isBlank()) ? kind : kind + ": " + message;
    }

    @Override
    public void close() {
        this.connections.dispose();
    }
}
