package com.ctera.client.webhooks;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.ctera.client.events.CteraEventPublisher;
import com.ctera.client.events.CteraWebhookEndpointDisabledEvent;

/**
 * The delivery workers: they keep up to {@code workers × concurrency} attempts in flight (HTTP through the SSRF guard
 * and the signer, or an in-process handler), claiming due outbox rows in batches as attempts finish, and record the
 * finished attempts in batches, one transaction each: delivered, due again on the retry schedule (or the receiver's
 * {@code Retry-After}), dead after the last attempt, or held because the endpoint answered 410 or kept failing past
 * {@code disableAfter}, which disables it with one WARN, an event and a metric. A slow receiver holds only its own
 * attempts, never a batch.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Outcomes recorded in one transaction at most. */
    private static final int MAX_SETTLED = 1000;

    /** Old rows one purge transaction deletes at most, and transactions one purge runs at most. */
    private static final int PURGE_BATCH = 1000;

    private static final int PURGE_BATCHES = 20;

    private static final long PURGE_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final WebhookOutbox outbox;

    private final WebhookManager manager;

    private final WebhookSender sender;

    private final WebhookAddressGuard guard;

    private final RetrySchedule schedule;

    private final DispatcherSettings settings;

    private final DeliveryListener listener;

    private final CteraEventPublisher publisher;

    private final Clock clock;

    private final Duration attemptLimit;

    private final Map<String, Long> failingSince = new ConcurrentHashMap<>();

    private final Object sleeper = new Object();

    private final Semaphore inFlight;

    private final int capacity;

    private final Queue<Attempt> finished = new ConcurrentLinkedQueue<>();

    private volatile boolean newRows = true;

    // When a worker next deletes old delivered and dead rows (System.nanoTime); the first look is at start.
    private final AtomicLong nextPurge = new AtomicLong(System.nanoTime());

    private volatile boolean signalled;

    private final List<Thread> threads = new ArrayList<>();

    private volatile boolean running;

    /**
     * @param connectTimeout connect timeout of each attempt
     * @param readTimeout how long an attempt waits for the answer
     * @param publisher where the disabling of an endpoint is announced
     */
    public WebhookDispatcher(WebhookOutbox outbox, WebhookManager manager, WebhookAddressGuard guard,
            RetrySchedule schedule, DispatcherSettings settings, Duration connectTimeout, Duration readTimeout,
            DeliveryListener listener, CteraEventPublisher publisher, Clock clock) {
        this.outbox = outbox;
        this.manager = manager;
        this.guard = guard;
        this.schedule = schedule;
        this.settings = settings;
        this.listener = listener;
        this.publisher = publisher;
        this.clock = clock;
        this.attemptLimit = connectTimeout.plus(readTimeout);
        this.capacity = settings.workers() * settings.concurrency();
        this.inFlight = new Semaphore(this.capacity);
        this.sender = new WebhookSender(connectTimeout, readTimeout, Math.max(16, this.capacity), clock);
    }

    /** Starts the workers. */
    public synchronized void start() {
        if (this.running) {
            return;
        }
        this.running = true;
        for (int i = 0; i < this.settings.workers(); i++) {
            Thread worker = new Thread(this::work, "ctera-webhooks-" + i);
            worker.setDaemon(true);
            this.threads.add(worker);
            worker.start();
        }
    }

    /** Stops the workers after their current batch; rows they hold return to the others when the lease lapses. */
    @Override
    public void close() {
        synchronized (this) {
            this.running = false;
        }
        synchronized (this.sleeper) {
            this.sleeper.notifyAll();
        }
        for (Thread thread : this.threads) {
            try {
                thread.join(30_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        this.threads.clear();
        // Attempts still in flight end within their timeouts; their outcomes are recorded rather than left to
        // the lease.
        try {
            if (this.inFlight.tryAcquire(this.capacity, this.attemptLimit.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                this.inFlight.release(this.capacity);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        try {
            while (settleFinished() > 0) {
                // until every finished attempt is recorded
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Could not record the last webhook outcomes; their leases will lapse: {}", ex.toString());
        }
        this.sender.close();
    }

    /** Wakes idle workers (new rows were committed). */
    public void wakeUp() {
        this.newRows = true;
        signal();
    }

    private void signal() {
        this.signalled = true;
        synchronized (this.sleeper) {
            this.sleeper.notifyAll();
        }
    }

    private void work() {
        long claimNotBefore = 0;
        while (this.running) {
            try {
                purgeIfDue();
                int settled = settleFinished();
                int launched = 0;
                int free = this.inFlight.availablePermits();
                // Claim when a useful batch fits, or when nothing is in flight: fewer, larger transactions.
                int worthIt = Math.max(1, Math.min(this.settings.batchSize(), this.capacity) / 4);
                if (this.newRows || System.nanoTime() - claimNotBefore >= 0) {
                    if (free >= worthIt || free == this.capacity) {
                        this.newRows = false;
                        int wanted = Math.min(free, this.settings.batchSize());
                        launched = launch(wanted);
                        if (launched < wanted) {
                            // The due rows ran out: look again after the idle poll, or when rows are committed.
                            claimNotBefore = System.nanoTime() + this.settings.idlePoll().toNanos();
                        }
                    }
                }
                if (settled == 0 && launched == 0) {
                    pause(this.settings.idlePoll());
                }
            }
            catch (RuntimeException ex) {
                logger.warn("Webhook delivery worker failed; retrying: {}", ex.toString());
                pause(this.settings.idlePoll().multipliedBy(10));
            }
        }
    }

    // Delivered and dead rows would otherwise stay for ever. One worker at a time, at most once a minute, deletes
    // those past their keeping time in small transactions, so claims and the poller never wait long on them.
    private void purgeIfDue() {
        long now = System.nanoTime();
        long due = this.nextPurge.get();
        if (now - due < 0 || !this.nextPurge.compareAndSet(due, now + PURGE_INTERVAL_NANOS)) {
            return;
        }
        long millis = this.clock.millis();
        int deleted = purge(WebhookOutbox.Status.DELIVERED, millis - this.settings.keepDelivered().toMillis())
                + purge(WebhookOutbox.Status.DEAD, millis - this.settings.keepDead().toMillis());
        if (deleted > 0) {
            logger.debug("Deleted {} webhook deliveries past their keeping time", deleted);
        }
    }

    private int purge(WebhookOutbox.Status status, long finishedBefore) {
        int total = 0;
        for (int i = 0; i < PURGE_BATCHES; i++) {
            int deleted = this.outbox.purge(status, finishedBefore, PURGE_BATCH);
            total += deleted;
            if (deleted < PURGE_BATCH) {
                break;
            }
        }
        return total;
    }

    private int launch(int wanted) {
        if (wanted < 1 || !this.inFlight.tryAcquire(wanted)) {
            return 0;
        }
        List<WebhookOutbox.Claimed> claimed;
        try {
            claimed = this.outbox.claim(List.copyOf(this.manager.names()), wanted, this.settings.lease());
        }
        catch (RuntimeException ex) {
            this.inFlight.release(wanted);
            throw ex;
        }
        this.inFlight.release(wanted - claimed.size());
        for (WebhookOutbox.Claimed row : claimed) {
            // Every attempt ends with exactly one outcome, or its permit would be lost.
            Mono.defer(() -> attempt(row))
                .timeout(this.attemptLimit.plusSeconds(5),
                        Mono.fromSupplier(() -> DeliveryOutcome.failure("no outcome within " + this.attemptLimit)))
                .onErrorResume(ex -> Mono.just(DeliveryOutcome.failure(ex.toString())))
                .defaultIfEmpty(DeliveryOutcome.failure("the attempt ended without an outcome"))
                .subscribe(outcome -> finish(new Attempt(row, outcome)));
        }
        return claimed.size();
    }

    private void finish(Attempt attempt) {
        this.finished.add(attempt);
        this.inFlight.release();
        signal();
    }

    /** Records the attempts that finished since the last call, in one transaction; returns how many. */
    private int settleFinished() {
        List<Attempt> done = new ArrayList<>();
        Attempt next;
        while (done.size() < MAX_SETTLED && (next = this.finished.poll()) != null) {
            done.add(next);
        }
        if (!done.isEmpty()) {
            settle(done);
        }
        return done.size();
    }

    private record Attempt(WebhookOutbox.Claimed row, DeliveryOutcome outcome) {
    }

    private Mono<DeliveryOutcome> attempt(WebhookOutbox.Claimed row) {
        Optional<WebhookTarget> target = this.manager.target(row.endpoint());
        if (target.isEmpty()) {
            return Mono.just(DeliveryOutcome.failure("no webhook named '" + row.endpoint() + "' is registered"));
        }
        if (target.get() instanceof WebhookTarget.Handler handler) {
            WebhookMessage message = new WebhookMessage(row.webhookId(), row.eventType(), row.payload(), row.attempt());
            return Mono.fromCallable(() -> {
                handler.handler().handle(message);
                return new DeliveryOutcome(200, null, null);
            }).subscribeOn(Schedulers.boundedElastic())
                .timeout(this.attemptLimit)
                .onErrorResume(ex -> Mono.just(DeliveryOutcome.failure("handler threw " + ex)));
        }
        WebhookEndpoint endpoint = ((WebhookTarget.Http) target.get()).endpoint();
        InetSocketAddress address;
        try {
            address = this.guard.check(endpoint.url());
        }
        catch (WebhookRefusedException ex) {
            return Mono.just(DeliveryOutcome.failure("refused: " + ex.getMessage()));
        }
        byte[] body = row.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = this.clock.millis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", row.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", StandardWebhookSigner.signatureHeader(row.webhookId(), timestamp, body,
                endpoint.signingSecrets(this.clock.instant())));
        return this.sender.post(endpoint.url(), address, headers, body);
    }

    private void settle(List<Attempt> attempts) {
        long now = this.clock.millis();
        List<WebhookOutbox.Finished> finished = new ArrayList<>(attempts.size());
        Map<String, String> toDisable = new HashMap<>();
        Map<String, @Nullable String> errors = new HashMap<>();
        for (Attempt attempt : attempts) {
            WebhookOutbox.Claimed row = attempt.row();
            DeliveryOutcome outcome = attempt.outcome();
            String endpoint = row.endpoint();
            if (outcome.delivered()) {
                finished.add(new WebhookOutbox.Finished(row.id(), endpoint, row.leaseUntil(), WebhookOutbox.Status.DELIVERED, now,
                        outcome.status(), null));
                if (this.failingSince.remove(endpoint) != null) {
                    errors.put(endpoint, null);
                }
                this.listener.delivered(endpoint, Duration.ofMillis(Math.max(0, now - row.createdAt())));
                continue;
            }
            errors.put(endpoint, outcome.error());
            if (outcome.gone()) {
                toDisable.put(endpoint, "the endpoint answered 410 Gone");
                finished.add(new WebhookOutbox.Finished(row.id(), endpoint, row.leaseUntil(), WebhookOutbox.Status.DISABLED, now,
                        outcome.status(), outcome.error()));
                continue;
            }
            long since = this.failingSince.computeIfAbsent(endpoint, name -> now);
            if (now - since > this.settings.disableAfter().toMillis()) {
                toDisable.put(endpoint, "the endpoint kept failing for more than " + this.settings.disableAfter());
            }
            Optional<Duration> next = this.schedule.next(row.attempt(), outcome.retryAfter());
            if (next.isPresent()) {
                finished.add(new WebhookOutbox.Finished(row.id(), endpoint, row.leaseUntil(), WebhookOutbox.Status.PENDING,
                        now + next.get().toMillis(), outcome.status(), outcome.error()));
                this.listener.retried(endpoint, outcome.status());
            }
            else {
                finished.add(new WebhookOutbox.Finished(row.id(), endpoint, row.leaseUntil(), WebhookOutbox.Status.DEAD, now, outcome.status(),
                        outcome.error()));
                this.listener.dead(endpoint);
            }
        }
        toDisable.keySet().forEach(errors::remove);
        this.outbox.record(finished, errors);
        toDisable.forEach(this::disable);
    }

    private void disable(String endpoint, String reason) {
        this.failingSince.remove(endpoint);
        if (!this.outbox.disable(endpoint, reason)) {
            return;
        }
        logger.warn("Webhook endpoint '{}' is disabled: {}; its deliveries are held until it is enabled again",
                endpoint, reason);
        this.listener.disabled(endpoint, reason);
        try {
            this.publisher.publish(new CteraWebhookEndpointDisabledEvent(
                    "whd_" + UUID.randomUUID().toString().replace("-", ""), "", endpoint, reason,
                    this.clock.instant()));
        }
        catch (RuntimeException ex) {
            logger.debug("A listener failed on the disabling of {}: {}", endpoint, ex.toString());
        }
    }

    private void pause(Duration duration) {
        synchronized (this.sleeper) {
            try {
                if (this.running && !this.signalled) {
                    this.sleeper.wait(Math.max(1, duration.toMillis()));
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.signalled = false;
        }
    }
}
