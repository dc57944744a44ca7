package com.ctera.autoconfigure.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import com.ctera.client.webhooks.StandardWebhookVerifier;
import com.ctera.client.webhooks.WebhookSecret;
import com.ctera.client.webhooks.WebhookVerificationException;

/**
 * A webhook receiver on a loopback port: verifies each request's signature, answers as its {@link Behaviour} says,
 * and records every attempt and every id it accepted (deduplicated on {@code webhook-id}, as a receiver should).
 */
final class TestReceiver implements AutoCloseable {

    /** What the receiver does with a request. */
    enum Answer {
        OK, RESET, SERVER_ERROR, TOO_MANY, SLOW, GONE
    }

    /** Decides the answer from the id, the attempt number of that id, and the count of requests so far. */
    @FunctionalInterface
    interface Behaviour {

        Answer answer(String webhookId, int attemptOfId, int requestNumber);
    }

    static final WebhookSecret SECRET = WebhookSecret.parse("whsec_" + java.util.Base64.getEncoder()
        .encodeToString("0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    private final HttpServer server;

    // Enough threads that the 5% of answers held past the read timeout do not queue the healthy ones behind them.
    private final ExecutorService executor = Executors.newFixedThreadPool(64);

    private final Behaviour behaviour;

    private final Duration slow;

    private final StandardWebhookVerifier verifier;

    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    final Set<String> accepted = ConcurrentHashMap.newKeySet();

    final AtomicInteger processedTwice = new AtomicInteger();

    final AtomicInteger badSignatures = new AtomicInteger();

    final AtomicInteger requests = new AtomicInteger();

    TestReceiver(Behaviour behaviour, Duration slow) throws IOException {
        this.behaviour = behaviour;
        this.slow = slow;
        // Replays are expected here (retries after a lost answer); dedup is counted separately.
        this.verifier = new StandardWebhookVerifier(java.util.List.of(SECRET), Duration.ofMinutes(5),
                java.time.Clock.systemUTC(), id -> true);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        this.server.setExecutor(this.executor);
        this.server.createContext("/hook", this::handle);
        this.server.start();
    }

    static TestReceiver healthy() throws IOException {
        return new TestReceiver((id, attempt, number) -> Answer.OK, Duration.ZERO);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int number = this.requests.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            try {
                this.verifier.verify(name -> exchange.getRequestHeaders().getFirst(name), body);
            }
            catch (WebhookVerificationException ex) {
                this.badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            int attempt = this.attempts.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            Answer answer = this.behaviour.answer(id, attempt, number);
            switch (answer) {
                case RESET -> {
                    // Closing without a status line: the sender sees the connection end.
                    return;
                }
                case SERVER_ERROR -> exchange.sendResponseHeaders(500, -1);
                case TOO_MANY -> {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    exchange.sendResponseHeaders(429, -1);
                }
                case GONE -> exchange.sendResponseHeaders(410, -1);
                case SLOW -> {
                    sleep(this.slow);
                    accept(id);
                    exchange.sendResponseHeaders(200, -1);
                }
                case OK -> {
                    accept(id);
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        }
    }

    private void accept(String id) {
        if (!this.accepted.add(id)) {
            // A receiver that deduplicates does not process it again; counted to show how often it happens.
            this.processedTwice.incrementAndGet();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.executor.shutdownNow();
    }

}
