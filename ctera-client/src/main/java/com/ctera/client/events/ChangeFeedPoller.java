package com.ctera.client.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraPortal;
import com.ctera.client.notifications.ChangeBatch;
import com.ctera.client.notifications.ChangeEntry;
import com.ctera.client.notifications.ReactiveNotifications;

/**
 * Follows one portal's change feed on a thread of its own and never stops on a failure: connection errors, 5xx,
 * timeouts and an ended session lead to a new attempt after a growing, jittered wait (the session logs in again on
 * its own). Only the instance holding the portal's lease reads. Each batch is classified, committed with its cursor in
 * one transaction, then handed to the publisher; a cursor the portal refuses leads to a new baseline and a
 * {@link CteraResyncRequiredEvent}. On taking the lease the poller first hands out events a previous holder committed
 * but did not finish publishing.
 */
public final class ChangeFeedPoller implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(ChangeFeedPoller.class);

    private static final int REPLAY_PAGE = 500;

    private static final int PATH_CACHE = 10_000;

    private final String portal;

    private final ReactiveNotifications feed;

    private final JdbcEventStore store;

    private final JdbcLeaseLock lease;

    private final CteraEventPublisher publisher;

    private final BatchWriter writer;

    private final PollerSettings settings;

    private final Clock clock;

    private final PathResolver paths;

    private final CloudFolderOwners owners;

    private final EventFilter ownerFilter;

    private final Object sleeper = new Object();

    private final Map<EventType, AtomicLong> published = new EnumMap<>(EventType.class);

    private final AtomicLong failures = new AtomicLong();

    private final AtomicLong resyncs = new AtomicLong();

    private volatile boolean running;

    private volatile boolean holding;

    private volatile boolean more;

    private volatile boolean down;

    private volatile long lagMillis;

    private volatile @Nullable String lastError;

    private volatile @Nullable Thread thread;

    private volatile @Nullable CompletableFuture<?> inFlight;

    private int consecutiveFailures;

    /**
     * @param portal the portal's client; its name names the lease and the stored cursor
     * @param writer rows to write in each batch's transaction (the webhook outbox)
     */
    public ChangeFeedPoller(CteraPortal portal, JdbcEventStore store, JdbcLeaseLock lease,
            CteraEventPublisher publisher, BatchWriter writer, PollerSettings settings, Clock clock) {
        this.portal = portal.name();
        this.feed = portal.reactive().notifications();
        this.store = store;
        this.lease = lease;
        this.publisher = publisher;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
        this.paths = new PathResolver(portal.notifications(), PATH_CACHE);
        this.owners = new CloudFolderOwners(() -> portal.files().list(""));
        this.ownerFilter = new EventFilter(Set.of(), List.of(), Set.of(), settings.owners());
        for (EventType type : EventType.values()) {
            this.published.put(type, new AtomicLong());
        }
    }

    /** The portal's configured name. */
    public String portal() {
        return this.portal;
    }

    /** Starts the poller's thread. */
    public synchronized void start() {
        if (this.running) {
            return;
        }
        this.running = true;
        Thread worker = new Thread(this::run, "ctera-events-" + this.portal);
        worker.setDaemon(true);
        this.thread = worker;
        worker.start();
    }

    /** Stops reading (an ongoing long poll is cancelled), waits for the current batch, gives the lease up. */
    @Override
    public void close() {
        Thread worker;
        synchronized (this) {
            if (!this.running) {
                return;
            }
            this.running = false;
            worker = this.thread;
        }
        CompletableFuture<?> call = this.inFlight;
        if (call != null) {
            call.cancel(true);
        }
        synchronized (this.sleeper) {
            this.sleeper.notifyAll();
        }
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        if (this.holding) {
            this.holding = false;
            try {
                this.lease.release();
            }
            catch (RuntimeException ex) {
                logger.debug("Could not release the change-feed lease of {}: {}", this.portal, ex.getMessage());
            }
        }
    }

    /** Events of a type handed to listeners by this instance. */
    public long published(EventType type) {
        return this.published.get(type).get();
    }

    /** Failed attempts to read the feed since start. */
    public long failures() {
        return this.failures.get();
    }

    /** Re-baselines after a refused cursor. */
    public long resyncs() {
        return this.resyncs.get();
    }

    /** {@code ancestors} calls made to resolve paths. */
    public long ancestorCalls() {
        return this.paths.ancestorCalls();
    }

    /** Time from the last event's change on the portal to its publication here. */
    public long lagMillis() {
        return this.lagMillis;
    }

    /** What the poller is doing now. */
    public PollerStatus status() {
        Optional<JdbcEventStore.StoredCursor> cursor = Optional.empty();
        long pending = 0;
        try {
            cursor = this.store.cursor(this.portal);
            pending = this.store.pendingCount(this.portal);
        }
        catch (RuntimeException ex) {
            // The store is down: the status shows what is known.
        }
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        this.published.forEach((type, count) -> counts.put(type, count.get()));
        return new PollerStatus(this.portal, this.running, this.lease.holder(), this.holding,
                cursor.map(JdbcEventStore.StoredCursor::value).orElse(null),
                cursor.map(JdbcEventStore.StoredCursor::batches).orElse(0L),
                cursor.map(stored -> Instant.ofEpochMilli(stored.updatedAt())).orElse(null), this.lagMillis, counts,
                this.failures.get(), this.resyncs.get(), this.paths.ancestorCalls(), pending, this.lastError);
    }

    private void run() {
        while (this.running) {
            try {
                if (!this.lease.tryAcquire()) {
                    this.holding = false;
                    pause(this.settings.leaseRetry());
                    continue;
                }
                if (!this.holding) {
                    this.holding = true;
                    logger.info("Reading the change feed of portal '{}' (lease holder {})", this.portal,
                            this.lease.owner());
                    replayPending();
                }
                step();
                succeeded();
            }
            catch (JdbcEventStore.LostLeaseException ex) {
                this.holding = false;
                logger.info(ex.getMessage());
            }
            catch (RuntimeException ex) {
                if (!this.running) {
                    break;
                }
                if (cursorRefused(ex)) {
                    rebaseline(ex.getMessage());
                    continue;
                }
                failed(ex);
            }
        }
    }

    private void step() {
        Optional<JdbcEventStore.StoredCursor> stored = this.store.cursor(this.portal);
        String cursor = stored.map(JdbcEventStore.StoredCursor::value).orElse(null);
        if (cursor == null && this.settings.startFrom() == PollerSettings.StartFrom.NOW) {
            baseline();
            return;
        }
        boolean read = cursor == null || this.more
                || Boolean.TRUE.equals(await(this.feed.longpoll(this.settings.folderIds(), cursor,
                        this.settings.longpollTimeout())));
        if (!read || !this.running) {
            return;
        }
        ChangeBatch batch = await(this.feed.list(this.settings.folderIds(), cursor, this.settings.maxResults()));
        process(batch);
    }

    private void process(ChangeBatch batch) {
        List<ChangeEntry> entries = batch.entries();
        Map<String, Boolean> known = this.store.known(this.portal, entries.stream().map(ChangeEntry::guid).toList());
        Function<ChangeEntry, @Nullable String> pathOf = this.settings.resolvePaths() ? this.paths::path
                : entry -> null;
        ChangeClassifier.Classification classified = ChangeClassifier.classify(this.portal, entries, known,
                this.clock.instant(), pathOf);
        List<CteraChangeEvent> events = withOwners(classified.events());
        List<Long> publications = this.store.commit(this.portal, this.lease, batch.cursor(), classified.items(),
                events, this.writer);
        this.more = batch.hasMore();
        List<Long> done = new ArrayList<>(publications.size());
        for (int i = 0; i < events.size(); i++) {
            if (publish(events.get(i))) {
                done.add(publications.get(i));
            }
        }
        this.store.completed(done);
    }

    /** The events with their cloud folder's owner, when wanted, less those of owners not followed. */
    private List<CteraChangeEvent> withOwners(List<CteraChangeEvent> events) {
        if (!this.settings.needsOwners() || events.isEmpty()) {
            return events;
        }
        this.owners.expire();
        List<CteraChangeEvent> kept = new ArrayList<>(events.size());
        for (CteraChangeEvent event : events) {
            CteraChangeEvent owned = event.withOwner(this.owners.owner(event.cloudFolderId()));
            if (this.ownerFilter.matches(owned)) {
                kept.add(owned);
            }
        }
        return kept;
    }

    private boolean publish(CteraChangeEvent event) {
        try {
            this.publisher.publish(event);
            this.published.get(event.type()).incrementAndGet();
            this.lagMillis = Math.max(0, this.clock.millis() - event.time().toEpochMilli());
            return true;
        }
        catch (RuntimeException ex) {
            logger.warn("A listener failed on {} {} of portal '{}'; it is handed again when a poller starts: {}",
                    event.type().wireName(), event.id(), this.portal, ex.toString());
            return false;
        }
    }

    private void replayPending() {
        long lastId = -1;
        while (this.running) {
            List<JdbcEventStore.Publication> page = this.store.pending(this.portal, REPLAY_PAGE);
            List<Long> done = new ArrayList<>();
            for (JdbcEventStore.Publication publication : page) {
                if (publication.id() > lastId && publish(publication.event())) {
                    done.add(publication.id());
                }
                lastId = Math.max(lastId, publication.id());
            }
            this.store.completed(done);
            if (page.size() < REPLAY_PAGE || done.isEmpty()) {
                return;
            }
        }
    }

    /** Reads the feed from its start to its end, learning items without publishing them. */
    private void baseline() {
        String cursor = null;
        boolean pageMore = true;
        while (pageMore && this.running) {
            ChangeBatch batch = await(this.feed.list(this.settings.folderIds(), cursor, this.settings.maxResults()));
            ChangeClassifier.Classification learned = ChangeClassifier.classify(this.portal, batch.entries(),
                    this.store.known(this.portal, batch.entries().stream().map(ChangeEntry::guid).toList()),
                    this.clock.instant(), entry -> null);
            this.store.commit(this.portal, this.lease, batch.cursor(), learned.items(), List.of(), BatchWriter.NONE);
            cursor = batch.cursor();
            pageMore = batch.hasMore();
        }
        this.more = false;
    }

    private void rebaseline(@Nullable String reason) {
        logger.warn("Portal '{}' refused the stored change-feed cursor; taking a new baseline (changes in between "
                + "are not published): {}", this.portal, reason);
        try {
            // What was seen belongs to the refused position: a portal that lost its feed may reuse guids, so they
            // are learned again from the new baseline (a crash before it commits leaves the cursor refused: again).
            this.store.forgetItems(this.portal, this.lease);
            this.paths.forget();
            baseline();
            this.resyncs.incrementAndGet();
            this.publisher.publish(new CteraResyncRequiredEvent("rsy_" + UUID.randomUUID().toString().replace("-", ""),
                    this.portal, String.valueOf(reason), this.clock.instant()));
        }
        catch (RuntimeException ex) {
            failed(ex);
        }
    }

    private static boolean cursorRefused(RuntimeException ex) {
        return ex instanceof CteraClientErrorException error && error.status() == 400
                && String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("cursor");
    }

    private void succeeded() {
        this.consecutiveFailures = 0;
        this.lastError = null;
        if (this.down) {
            this.down = false;
            logger.info("The change feed of portal '{}' answers again", this.portal);
            publishQuietly(new CteraPortalAvailabilityEvent(operationalId(), this.portal, true,
                    "the change feed answers again", this.clock.instant()));
        }
    }

    private void failed(RuntimeException ex) {
        this.failures.incrementAndGet();
        this.consecutiveFailures++;
        String message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
        this.lastError = message;
        if (!this.down) {
            this.down = true;
            logger.warn("The change feed of portal '{}' fails; retrying with backoff: {}", this.portal, message);
            publishQuietly(new CteraPortalAvailabilityEvent(operationalId(), this.portal, false, message,
                    this.clock.instant()));
        }
        else {
            logger.debug("The change feed of portal '{}' still fails: {}", this.portal, message);
        }
        pause(backoff(this.consecutiveFailures));
    }

    Duration backoff(int attempt) {
        long initial = this.settings.initialBackoff().toMillis();
        long ceiling = this.settings.maxBackoff().toMillis();
        long exponential = (attempt >= 30) ? ceiling : Math.min(ceiling, initial << Math.max(0, attempt - 1));
        long half = exponential / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private void publishQuietly(CteraEvent event) {
        try {
            this.publisher.publish(event);
        }
        catch (RuntimeException ex) {
            logger.debug("A listener failed on {}: {}", event, ex.toString());
        }
    }

    private static String operationalId() {
        return "ops_" + UUID.randomUUID().toString().replace("-", "");
    }

    private <T> T await(Mono<T> call) {
        CompletableFuture<T> future = call.toFuture();
        this.inFlight = future;
        try {
            T value = future.get();
            if (value == null) {
                throw new IllegalStateException("The change feed answered nothing");
            }
            return value;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            throw (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
        }
        finally {
            this.inFlight = null;
        }
    }

    private void pause(Duration duration) {
        synchronized (this.sleeper) {
            if (!this.running) {
                return;
            }
            try {
                this.sleeper.wait(Math.max(1, duration.toMillis()));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
