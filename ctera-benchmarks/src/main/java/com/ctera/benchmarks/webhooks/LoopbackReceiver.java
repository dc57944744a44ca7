package com.ctera.benchmarks.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import com.ctera.client.webhooks.StandardWebhookVerifier;
import com.ctera.client.webhooks.WebhookSecret;

/**
 * A webhook receiver on a loopback port (Reactor Netty): answers 204, keeps every {@code webhook-id} it took (a
 * receiver deduplicates on it), counts repeats and the connections opened to it, and checks one signature in {@code verifyEvery}.
 */
final class LoopbackReceiver implements AutoCloseable {

    private final DisposableServer server;

    private final StandardWebhookVerifier verifier;

    private final int verifyEvery;

    final Set<String> ids = ConcurrentHashMap.newKeySet();

    final AtomicLong requests = new AtomicLong();

    final AtomicLong repeats = new AtomicLong();

    final AtomicInteger connections = new AtomicInteger();

    final AtomicLong badSignatures = new AtomicLong();

    LoopbackReceiver(WebhookSecret secret, int verifyEvery) {
        this.verifier = new StandardWebhookVerifier(List.of(secret), Duration.ofMinutes(5), Clock.systemUTC(),
                id -> true);
        this.verifyEvery = verifyEvery;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
            .doOnChannelInit((observer, channel, address) -> this.connections.incrementAndGet())
            .handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    String id = request.requestHeaders().get("webhook-id");
                    long number = this.requests.incrementAndGet();
                    if (number % this.verifyEvery == 0) {
                        try {
                            this.verifier.verify(request.requestHeaders()::get, body);
                        }
                        catch (RuntimeException ex) {
                            this.badSignatures.incrementAndGet();
                        }
                    }
                    if (id == null || !this.ids.add(id)) {
                        this.repeats.incrementAndGet();
                    }
                    return response.status(204).send().then(Mono.<Void>empty());
                }))
            .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + this.server.port() + "/hook";
    }

    void reset() {
        this.ids.clear();
        this.requests.set(0);
        this.repeats.set(0);
        this.connections.set(0);
        this.badSignatures.set(0);
    }

    @Override
    public void close() {
        this.server.disposeNow();
    }
}
