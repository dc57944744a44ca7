package com.ctera.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import com.ctera.autoconfigure.store.CteraStore;
import com.ctera.autoconfigure.store.CteraStoreAutoConfiguration;
import com.ctera.autoconfigure.webhooks.CteraWebhooksAutoConfiguration;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.EventFilter;
import com.ctera.client.events.EventType;
import com.ctera.client.events.JdbcTransaction;
import com.ctera.client.webhooks.WebhookManager;
import com.ctera.client.webhooks.WebhookOutbox;
import com.ctera.client.webhooks.WebhookOutbox.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application using the starter's webhooks on an H2 store file, as the command finds it: HTTP endpoints
 * {@code hooks} (a receiver answering {@link #hooksStatus}) and {@code gone} (answering 410, so it gets disabled),
 * and an in-process handler {@code audit} that always fails. Deliveries get one attempt, so failures are dead at
 * once. The same endpoints, for the command's configuration: {@link #commandConfiguration}.
 */
final class WebhookApplication implements AutoCloseable {

    /** The signing secret of both HTTP endpoints: no output of the command may show it. */
    static final String SECRET = "whsec_Y2xpLXdlYmhvb2stc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=";

    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** What the {@code hooks} receiver answers. */
    final AtomicInteger hooksStatus = new AtomicInteger(500);

    /** The webhook ids the {@code hooks} receiver answered with 2xx. */
    final List<String> accepted = new CopyOnWriteArrayList<>();

    private final HttpServer receiver;

    private final Path storePath;

    WebhookApplication(Path storePath) {
        this.storePath = storePath;
        try {
            this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.receiver.createContext("/hook", (exchange) -> {
            exchange.getRequestBody().readAllBytes();
            int status = this.hooksStatus.get();
            if (status < 300) {
                this.accepted.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        this.receiver.createContext("/gone", (exchange) -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        this.receiver.start();
    }

    /** The receiver's base URL. */
    String receiverUrl() {
        return "http://127.0.0.1:" + this.receiver.getAddress().getPort();
    }

    /** {@code ctera.webhooks.*} as the application has it, and {@code storePath} as the command's store path. */
    String commandConfiguration(String storePathSetting) {
        return """
                ctera:
                  store:
                    path: %1$s
                  webhooks:
                    allow-http: true
                    allowed-hosts: [127.0.0.1]
                    endpoints:
                      hooks:
                        url: %2$s/hook
                        secret: %3$s
                      gone:
                        url: %2$s/gone
                        secret: %3$s
                      paused:
                        url: %2$s/paused
                        secret: %3$s
                        enabled: false
                """.formatted(storePathSetting, receiverUrl(), SECRET);
    }

    /**
     * Runs the application until {@code settled} holds for the stored counts, after {@code events} changes were
     * written (as the change-feed poller writes them, in its batch transaction).
     */
    void run(int events, Predicate<Map<String, Map<Status, Long>>> settled) {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CteraStoreAutoConfiguration.class,
                    CteraWebhooksAutoConfiguration.class))
            .withPropertyValues("ctera.events.enabled=true", "ctera.store.path=" + this.storePath,
                    "ctera.webhooks.retry-schedule=", "ctera.webhooks.idle-poll=50ms", "ctera.webhooks.allow-http=true",
                    "ctera.webhooks.allowed-hosts=127.0.0.1",
                    "ctera.webhooks.endpoints.hooks.url=" + receiverUrl() + "/hook",
                    "ctera.webhooks.endpoints.hooks.secret=" + SECRET,
                    "ctera.webhooks.endpoints.gone.url=" + receiverUrl() + "/gone",
                    "ctera.webhooks.endpoints.gone.secret=" + SECRET)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                WebhookManager manager = context.getBean(WebhookManager.class);
                manager.register("audit", (message) -> {
                    throw new IllegalStateException("audit log unavailable");
                }, EventFilter.ALL);
                write(context, manager, events);
                awaitCounts(context.getBean(WebhookOutbox.class), settled);
            });
    }

    private static void write(ConfigurableApplicationContext context, WebhookManager manager, int events) {
        if (events == 0) {
            return;
        }
        List<CteraChangeEvent> changes = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            changes.add(new CteraChangeEvent("evt_cli_" + i + "_" + System.nanoTime(), "main", EventType.FILE_CREATED,
                    7, "guid-" + i, "f" + i + ".txt", "My Files/f" + i + ".txt", 10L + i, null, Instant.now()));
        }
        JdbcTransaction.run(context.getBean(CteraStore.class).dataSource(), "write test changes", (connection) -> {
            manager.write(connection, changes);
            return null;
        });
    }

    private static void awaitCounts(WebhookOutbox outbox, Predicate<Map<String, Map<Status, Long>>> settled) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Map<String, Map<Status, Long>> counts = Map.of();
        while (System.nanoTime() - deadline < 0) {
            counts = new ConcurrentHashMap<>(outbox.counts());
            if (settled.test(counts)) {
                return;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("deliveries did not settle within " + LIMIT + ": " + counts);
    }

    /** How many rows of {@code endpoint} are in {@code status}. */
    static long count(Map<String, Map<Status, Long>> counts, String endpoint, Status status) {
        return counts.getOrDefault(endpoint, Map.of()).getOrDefault(status, 0L);
    }

    /** Whether the store file exists. */
    boolean stored() {
        return Files.isRegularFile(Path.of(this.storePath + ".mv.db"));
    }

    @Override
    public void close() {
        this.receiver.stop(0);
    }
}
