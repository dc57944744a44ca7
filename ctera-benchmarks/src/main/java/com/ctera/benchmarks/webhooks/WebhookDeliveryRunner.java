package com.ctera.benchmarks.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.netty.buffer.Unpooled;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import com.ctera.autoconfigure.webhooks.CteraWebhooksProperties;
import com.ctera.benchmarks.RunnerArguments;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.EventFilter;
import com.ctera.client.events.EventType;
import com.ctera.client.events.JdbcTransaction;
import com.ctera.client.webhooks.DeliveryListener;
import com.ctera.client.webhooks.DispatcherSettings;
import com.ctera.client.webhooks.RetrySchedule;
import com.ctera.client.webhooks.StandardWebhookSigner;
import com.ctera.client.webhooks.WebhookAddressGuard;
import com.ctera.client.webhooks.WebhookDispatcher;
import com.ctera.client.webhooks.WebhookEndpoint;
import com.ctera.client.webhooks.WebhookManager;
import com.ctera.client.webhooks.WebhookOutbox;
import com.ctera.client.webhooks.WebhookPayload;
import com.ctera.client.webhooks.WebhookSecret;

/**
 * Deliveries per second from the webhook outbox to three loopback receivers, with the starter's default worker
 * settings, on the embedded H2 store and (when {@code CTERA_TEST_POSTGRES_URL} is set) on PostgreSQL. Each run
 * first sends the same number of signed POSTs with a bare Reactor Netty client at the same concurrency, no database:
 * the baseline, so every figure is also a ratio against a floor measured in the same run. The rows are written as the
 * poller writes them ({@link WebhookManager#write}, 500 events per transaction) while no worker runs; the clock runs
 * from the workers' start until every row is recorded delivered. The stores keep their rows from run to run, so the
 * table grows as it would. Last, a backlog of undelivered rows is delivered while the heap is watched.
 *
 * <p>Arguments: {@code [events per run, default 3000] [runs, default 3] [backlog rows, default 100000]}; each event
 * goes to all three receivers.
 */
public final class WebhookDeliveryRunner {

    private static final Logger logger = LoggerFactory.getLogger(WebhookDeliveryRunner.class);

    private static final int EVENTS_PER_TRANSACTION = 500;

    private static final long MIB = 1024 * 1024;

    private final List<LoopbackReceiver> receivers = new ArrayList<>();

    private final WebhookSecret secret = WebhookSecret.generate();

    private final CteraWebhooksProperties defaults = new CteraWebhooksProperties();

    private WebhookDeliveryRunner() {
    }

    public static void main(String[] args) throws Exception {
        int events = RunnerArguments.wholeNumber(args, 0, "events per run", 1, 3000);
        int runs = RunnerArguments.wholeNumber(args, 1, "runs", 1, 3);
        int backlog = RunnerArguments.wholeNumber(args, 2, "backlog rows", 0, 100_000);
        new WebhookDeliveryRunner().run(events, runs, backlog);
    }

    private record Store(String name, DataSource dataSource, AutoCloseable closer) {
    }

    private void run(int events, int runs, int backlog) throws Exception {
        Path directory = Files.createTempDirectory("webhook-delivery-runner");
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            this.receivers.add(new LoopbackReceiver(this.secret, 50));
        }
        try {
            JdbcConnectionPool h2 = JdbcConnectionPool
                .create("jdbc:h2:file:" + directory.resolve("store") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
            applySchema(h2, "schema-h2.sql", false);
            stores.add(new Store("H2", h2, h2::dispose));
            String postgres = System.getenv("CTERA_TEST_POSTGRES_URL");
            if (postgres != null && !postgres.isBlank()) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(postgres);
                config.setMaximumPoolSize(8);
                HikariDataSource pool = new HikariDataSource(config);
                applySchema(pool, "schema-postgresql.sql", true);
                stores.add(new Store("PostgreSQL", pool, pool::close));
            }
            else {
                logger.info("CTERA_TEST_POSTGRES_URL is not set: H2 only");
            }
            logger.info(String.format(Locale.ROOT, "%d events x 3 receivers per run, %d runs; workers %d, "
                    + "concurrency %d, batch size %d", events, runs, this.defaults.getWorkers(),
                    this.defaults.getConcurrency(), this.defaults.getBatchSize()));
            // Warm-up: every path once, not reported.
            bare(Math.min(events, 1000) * 3);
            for (Store store : stores) {
                outbox(store, "warm", Math.min(events, 1000));
            }
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                Round bare = bare(events * 3);
                double floor = bare.rate();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "run %d: bare POSTs %,.0f/s, %.0f µs CPU each, %d connections", run, floor, bare.cpuMicros(),
                        bare.connections()));
                for (Store store : stores) {
                    Round round = outbox(store, "r" + run, events);
                    double ratio = round.rate() / floor;
                    ratios.computeIfAbsent(store.name(), name -> new ArrayList<>()).add(ratio);
                    line.append(String.format(Locale.ROOT, "; %s %,.0f deliveries/s (%.2f of bare), %.0f µs CPU "
                            + "each, %d connections, %d rows in the table", store.name(), round.rate(), ratio,
                            round.cpuMicros(), round.connections(), round.rows()));
                }
                logger.info(line.toString());
            }
            ratios.forEach((name, values) -> logger.info(String.format(Locale.ROOT, "%s: outbox / bare, median %.2f",
                    name, median(values))));
            if (backlog > 0) {
                for (Store store : stores) {
                    backlog(store, backlog);
                }
            }
        }
        finally {
            for (Store store : stores) {
                store.closer().close();
            }
            this.receivers.forEach(LoopbackReceiver::close);
        }
    }

    private record Round(double rate, double cpuMicros, int connections, long rows) {
    }

    /** Writes the rows, then times the workers from their start until every row is recorded delivered. */
    private Round outbox(Store store, String prefix, int events) {
        this.receivers.forEach(LoopbackReceiver::reset);
        WebhookOutbox outbox = new WebhookOutbox(store.dataSource(), Clock.systemUTC());
        WebhookManager manager = manager(outbox);
        enqueue(store.dataSource(), manager, prefix, events);
        int expected = events * 3;
        long cpu = cpuTime();
        long start = System.nanoTime();
        try (WebhookDispatcher dispatcher = dispatcher(outbox, manager)) {
            dispatcher.start();
            awaitReceived(expected, Duration.ofMinutes(10));
        }
        double cpuMicros = (cpuTime() - cpu) / 1e3 / expected;
        long delivered = count(store.dataSource(), "SELECT COUNT(*) FROM ctera_webhook_delivery WHERE status = "
                + "'DELIVERED' AND webhook_id LIKE '" + prefix + "\\_%' ESCAPE '\\'");
        double seconds = (System.nanoTime() - start) / 1e9;
        check(delivered == expected, store.name() + ": " + delivered + " rows recorded delivered, expected " + expected);
        long repeats = this.receivers.stream().mapToLong(receiver -> receiver.repeats.get()).sum();
        long bad = this.receivers.stream().mapToLong(receiver -> receiver.badSignatures.get()).sum();
        check(bad == 0, bad + " bad signatures");
        if (repeats > 0) {
            logger.info("{}: {} deliveries repeated (at least once)", store.name(), repeats);
        }
        int connections = this.receivers.stream().mapToInt(receiver -> receiver.connections.get()).sum();
        return new Round(expected / seconds, cpuMicros, connections,
                count(store.dataSource(), "SELECT COUNT(*) FROM ctera_webhook_delivery"));
    }

    /** Delivers a backlog of undelivered rows, with the heap after a full collection before, half-way and after. */
    private void backlog(Store store, int rows) throws InterruptedException {
        this.receivers.forEach(LoopbackReceiver::reset);
        long empty = heapAfterGc();
        WebhookOutbox outbox = new WebhookOutbox(store.dataSource(), Clock.systemUTC());
        WebhookManager manager = manager(outbox);
        int events = (rows + 2) / 3;
        enqueue(store.dataSource(), manager, "backlog", events);
        long written = heapAfterGc();
        int expected = events * 3;
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        long halfWay;
        long start = System.nanoTime();
        try (WebhookDispatcher dispatcher = dispatcher(outbox, manager)) {
            dispatcher.start();
            sampler.start();
            awaitReceived(expected / 2, Duration.ofMinutes(30));
            halfWay = heapAfterGc();
            awaitReceived(expected, Duration.ofMinutes(30));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        long after = heapAfterGc();
        logger.info(String.format(Locale.ROOT, "%s backlog of %,d rows: %,.0f deliveries/s; heap after a full GC: "
                + "%.1f MiB empty, %.1f MiB with the backlog written, %.1f MiB half-way, %.1f MiB after; peak "
                + "%.1f MiB (no GC forced)", store.name(), expected, expected / seconds, empty / (double) MIB,
                written / (double) MIB, halfWay / (double) MIB, after / (double) MIB, peak.get() / (double) MIB));
    }

    private WebhookManager manager(WebhookOutbox outbox) {
        WebhookManager manager = new WebhookManager(outbox);
        for (int i = 0; i < this.receivers.size(); i++) {
            manager.register(new WebhookEndpoint("receiver-" + i, URI.create(this.receivers.get(i).url()),
                    this.secret, null, null, EventFilter.ALL));
        }
        return manager;
    }

    private WebhookDispatcher dispatcher(WebhookOutbox outbox, WebhookManager manager) {
        CteraWebhooksProperties properties = this.defaults;
        DispatcherSettings settings = new DispatcherSettings(properties.getWorkers(), properties.getBatchSize(),
                properties.getConcurrency(), properties.getLease(), properties.getIdlePoll(),
                properties.getDisableAfter(), properties.getKeepDelivered(), properties.getKeepDead());
        return new WebhookDispatcher(outbox, manager, new WebhookAddressGuard(Set.of("127.0.0.1"), true),
                RetrySchedule.STANDARD, settings, properties.getConnectTimeout(), properties.getReadTimeout(),
                DeliveryListener.NONE, event -> {
                }, Clock.systemUTC());
    }

    /** Writes the rows as the poller does: through the manager, several events per transaction. */
    private static void enqueue(DataSource dataSource, WebhookManager manager, String prefix, int events) {
        Instant now = Instant.now();
        for (int from = 0; from < events; from += EVENTS_PER_TRANSACTION) {
            List<CteraChangeEvent> batch = new ArrayList<>();
            for (int i = from; i < Math.min(events, from + EVENTS_PER_TRANSACTION); i++) {
                batch.add(event(prefix, i, now));
            }
            JdbcTransaction.run(dataSource, "write outbox rows", connection -> {
                manager.write(connection, batch);
                return null;
            });
        }
    }

    private static CteraChangeEvent event(String prefix, int index, Instant time) {
        return new CteraChangeEvent(prefix + "_" + index, "main", EventType.FILE_CREATED, 7, "guid-" + prefix + index,
                "report-" + index + ".pdf", "/My Files/reports/report-" + index + ".pdf", 123_456L, 1000L + index,
                time);
    }

    /** The same number of signed POSTs at the workers' concurrency, straight to the receivers: the floor. */
    private Round bare(int posts) {
        this.receivers.forEach(LoopbackReceiver::reset);
        int concurrency = this.defaults.getWorkers() * this.defaults.getConcurrency();
        ConnectionProvider connections = ConnectionProvider.builder("bare").maxConnections(concurrency)
            .pendingAcquireMaxCount(-1).build();
        HttpClient client = HttpClient.create(connections).responseTimeout(this.defaults.getReadTimeout());
        Instant now = Instant.now();
        String prefix = "bare" + System.nanoTime();
        try {
            long cpu = cpuTime();
            long start = System.nanoTime();
            Long ok = Flux.range(0, posts).flatMap(index -> {
                LoopbackReceiver receiver = this.receivers.get(index % this.receivers.size());
                CteraChangeEvent event = event(prefix, index / this.receivers.size(), now);
                byte[] body = WebhookPayload.body(event).getBytes(StandardCharsets.UTF_8);
                long timestamp = System.currentTimeMillis() / 1000;
                String signature = StandardWebhookSigner.signatureHeader(event.id(), timestamp, body,
                        List.of(this.secret));
                return client.headers(headers -> headers.set("webhook-id", event.id())
                    .set("webhook-timestamp", Long.toString(timestamp)).set("webhook-signature", signature)
                    .set("Content-Type", "application/json"))
                    .post().uri(receiver.url()).send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                    .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                    .filter(status -> status == 204)
                    // A loaded machine can make a POST overrun the read timeout: counted, not fatal.
                    .onErrorResume(ex -> Mono.empty());
            }, concurrency).count().block();
            double seconds = (System.nanoTime() - start) / 1e9;
            long answered = (ok != null) ? ok : 0;
            check(answered >= posts * 0.99, "bare POSTs: " + answered + " of " + posts + " answered 204");
            return new Round(answered / seconds, (cpuTime() - cpu) / 1e3 / posts,
                    this.receivers.stream().mapToInt(receiver -> receiver.connections.get()).sum(), 0);
        }
        finally {
            connections.dispose();
        }
    }

    private void awaitReceived(int expected, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (this.receivers.stream().mapToInt(receiver -> receiver.ids.size()).sum() < expected) {
            check(System.nanoTime() < deadline, "not every delivery arrived within " + limit);
            try {
                Thread.sleep(2);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    private static void applySchema(DataSource dataSource, String script, boolean dropFirst)
            throws IOException, SQLException {
        String location = "com/ctera/autoconfigure/store/" + script;
        String text;
        try (InputStream in = WebhookDeliveryRunner.class.getClassLoader().getResourceAsStream(location)) {
            check(in != null, location + " is not on the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = String.join("\n", text.lines().filter(line -> !line.strip().startsWith("--"))
            .toList());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (dropFirst) {
                statement.execute("DROP TABLE IF EXISTS ctera_webhook_delivery, ctera_webhook_endpoint");
            }
            for (String sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static long count(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** CPU time of the whole process (workers, receivers and database alike), in nanoseconds. */
    private static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return heapUsed();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void check(boolean premise, String what) {
        if (!premise) {
            throw new IllegalStateException("Premise failed: " + what);
        }
    }
}
