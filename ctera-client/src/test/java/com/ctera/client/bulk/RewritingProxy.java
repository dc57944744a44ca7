package com.ctera.client.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A hostile portal for tests: a real HTTP proxy in front of the simulator that replaces text in its XML answers, so
 * a listing can name items as no honest portal would (such as {@code ..}).
 */
final class RewritingProxy implements AutoCloseable {

    // Accept-Encoding too: the proxy rewrites answers as text, so it asks the portal for them uncompressed.
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "accept-encoding");

    private final URI target;

    private final Map<String, String> replacements;

    private final HttpServer server;

    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    RewritingProxy(URI target, Map<String, String> replacements) throws IOException {
        this.target = target;
        this.replacements = Map.copyOf(replacements);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.setExecutor(this.threads);
        this.server.createContext("/", this::forward);
        this.server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(this.target.resolve(exchange.getRequestURI()
                .toString())).method(exchange.getRequestMethod(), (body.length == 0)
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = response.body();
            String type = response.headers().firstValue("content-type").orElse("");
            if (type.contains("xml")) {
                String text = new String(answer, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> replacement : this.replacements.entrySet()) {
                    text = text.replace(replacement.getKey(), replacement.getValue());
                }
                answer = text.getBytes(StandardCharsets.UTF_8);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), (answer.length == 0) ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.threads.shutdownNow();
    }
}
