package com.ctera.client.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import com.ctera.client.CteraTimeoutException;

/**
 * A running bulk job: its live counts as a {@link Flux} and a snapshot, its result, and a way to cancel it. It runs
 * whether or not anyone subscribes; items run as a {@code flatMap} bounded by the concurrency, so an item waiting
 * for the portal holds no thread.
 */
public final class BulkJob {

    private static final Logger logger = LoggerFactory.getLogger(BulkJob.class);

    /** How long an abandoned job may take to end: its cancelled calls end at once, so this is a safety net. */
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(10);

    private final String name;

    private final String portal;

    private final List<BulkOperation> operations;

    private final BulkOptions options;

    private final BulkListener listener;

    private final BulkMonitor monitor;

    private final Instant startedAt;

    private final long startNanos;

    private final Object lock = new Object();

    private final Item[] items;

    private final List<Integer> succeededInOrder = new ArrayList<>();

    private final Sinks.Many<BulkProgress> progress = Sinks.many().replay().latest();

    private final Sinks.One<BulkResult> result = Sinks.one();

    /** The subscription that runs the items and the rollback; disposed when the job is abandoned. */
    private volatile Disposable running = Disposables.disposed();

    /** Whether the job was abandoned: reports of cancelled work that arrive late are then ignored. */
    private boolean abandonedNow;

    /** The item whose compensating action runs now, during a rollback. */
    private volatile @Nullable Item undoing;

    private volatile @Nullable String stoppedBy;

    private BulkProgress current;

    private final int[] outcomes = new int[ItemOutcome.values().length];

    private int inFlight;

    private int done;

    private long bytes;

    private BulkProgress.Phase phase = BulkProgress.Phase.RUNNING;

    private boolean listenerFailed;

    BulkJob(String name, String portal, List<BulkOperation> operations, BulkOptions options, BulkListener listener,
            BulkMonitor monitor) {
        this.name = name;
        this.portal = portal;
        this.operations = List.copyOf(operations);
        this.options = options;
        this.listener = listener;
        this.monitor = monitor;
        this.items = new Item[this.operations.size()];
        for (int i = 0; i < this.items.length; i++) {
            this.items[i] = new Item(i, this.operations.get(i).id());
        }
        this.startedAt = Instant.now();
        this.startNanos = System.nanoTime();
        this.current = snapshot();
    }

    /** The job's name, such as {@code users.create}. */
    public String name() {
        return this.name;
    }

    /** The portal's name. */
    public String portal() {
        return this.portal;
    }

    /** When the job started. */
    public Instant startedAt() {
        return this.startedAt;
    }

    /** The options the job runs with. */
    public BulkOptions options() {
        return this.options;
    }

    /** The counts now. */
    public BulkProgress current() {
        synchronized (this.lock) {
            return this.current;
        }
    }

    /**
     * The counts as they change: first the counts at subscription, then every change, in order, completing after
     * the last snapshot (whose counts equal the result's).
     */
    public Flux<BulkProgress> progress() {
        return this.progress.asFlux();
    }

    /** The result, once every item is reported. */
    public Mono<BulkResult> result() {
        return this.result.asMono();
    }

    /** Waits for the result. For callers that may block; reactive code uses {@link #result()}. */
    public BulkResult await() {
        BulkResult finished = this.result.asMono().block();
        if (finished == null) {
            throw new IllegalStateException("bulk job " + this.name + " ended without a result");
        }
        return finished;
    }

    /**
     * Stops starting items: those in flight finish (or time out), the rest are reported as skipped. Under
     * {@link FailurePolicy#ROLLBACK} the items that succeeded are then undone. Does nothing once the job stopped.
     */
    public void cancel() {
        stopStarting("cancelled");
    }

    /**
     * Ends the items in flight now: each fails with a {@link CancellationException} (a compensating action under way
     * is reported as {@link ItemOutcome#ROLLBACK_FAILED} the same way), its call is cancelled, and no item starts any
     * more. Whether the portal applied an abandoned call is not known; the error says so.
     */
    public void abandon() {
        stopStarting("abandoned");
        synchronized (this.lock) {
            if (this.phase == BulkProgress.Phase.FINISHED) {
                return;
            }
        }
        // Cancels every action and compensation under way; none of them reports after this.
        this.running.dispose();
        synchronized (this.lock) {
            if (this.phase == BulkProgress.Phase.FINISHED) {
                return;
            }
            this.abandonedNow = true;
            Item undone = this.undoing;
            for (Item item : this.items) {
                if (item.outcome == null && item.startedAction) {
                    setOutcome(item, ItemOutcome.FAILED);
                    item.error = abandonedError(item, "its action");
                    item.duration = Duration.ofNanos(System.nanoTime() - item.started);
                    this.inFlight--;
                    this.done++;
                }
                else if (item.outcome == null) {
                    setOutcome(item, ItemOutcome.SKIPPED);
                    item.note = "not started: " + this.stoppedBy;
                    this.done++;
                }
            }
            if (undone != null && undone.outcome == ItemOutcome.SUCCEEDED
                    && this.phase == BulkProgress.Phase.ROLLING_BACK) {
                setOutcome(undone, ItemOutcome.ROLLBACK_FAILED);
                undone.rollbackError = abandonedError(undone, "its compensating action");
            }
        }
        finish();
    }

    private CancellationException abandonedError(Item item, String what) {
        return new CancellationException("bulk job " + this.name + " was abandoned while item '" + item.id + "' ran "
                + what + "; whether the portal applied it is not known");
    }

    /**
     * Waits for the results of these jobs within one grace period, then {@linkplain #abandon() abandons} the jobs
     * still running and waits for their results too (they come as soon as the cancelled calls end).
     * @return every job's result, in the jobs' order (a job whose result still did not come is logged and left out)
     */
    public static List<BulkResult> awaitOrAbandon(Collection<BulkJob> jobs, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<BulkResult> results = new ArrayList<>(jobs.size());
        for (BulkJob job : jobs) {
            BulkResult result = job.resultWithin(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (result == null) {
                logger.warn("Bulk job {} on portal {} did not finish within {}; abandoning its items in flight: {}",
                        job.name, job.portal, grace, job.current());
                job.abandon();
                result = job.resultWithin(ABANDON_WAIT);
            }
            if (result != null) {
                results.add(result);
            }
            else {
                logger.error("Bulk job {} on portal {} did not end {} after it was abandoned: {}", job.name,
                        job.portal, ABANDON_WAIT, job.current());
            }
        }
        return results;
    }

    private @Nullable BulkResult resultWithin(Duration wait) {
        try {
            return this.result.asMono().block(wait);
        }
        catch (IllegalStateException timedOut) {
            return null;
        }
    }

    /** Whether the result is ready. */
    public boolean isFinished() {
        synchronized (this.lock) {
            return this.phase == BulkProgress.Phase.FINISHED;
        }
    }

    void start() {
        this.monitor.jobStarted(this);
        emit();
        Disposable subscription = Flux.range(0, this.items.length)
            .takeWhile(index -> this.stoppedBy == null)
            .flatMap(this::run, this.options.maxConcurrency(), 1)
            .then(Mono.defer(this::rollBackIfWanted))
            .then(Mono.fromRunnable(this::finish))
            .subscribe(null, this::crashed);
        this.running = subscription;
    }

    private Mono<Void> run(int index) {
        Item item = this.items[index];
        BulkOperation operation = this.operations.get(index);
        return Mono.defer(() -> {
            synchronized (this.lock) {
                item.started = System.nanoTime();
                item.startedAction = true;
                this.inFlight++;
                emit();
            }
            Mono<?> action = operation.action().apply(moved -> moved(item, moved));
            Duration timeout = this.options.itemTimeout();
            if (timeout != null) {
                action = action.timeout(timeout);
            }
            return action.then();
        }).then(Mono.fromRunnable(() -> ended(item, null))).onErrorResume(error -> {
            ended(item, error);
            return Mono.empty();
        }).then();
    }

    private void moved(Item item, long moved) {
        if (moved <= 0) {
            return;
        }
        synchronized (this.lock) {
            item.bytes += moved;
            this.bytes += moved;
            emit();
        }
    }

    private void ended(Item item, @Nullable Throwable error) {
        if (error != null && this.options.failurePolicy() != FailurePolicy.CONTINUE) {
            stopStarting("item '" + item.id + "' failed");
        }
        BulkItemResult reported;
        synchronized (this.lock) {
            if (this.abandonedNow) {
                return;
            }
            item.duration = Duration.ofNanos(System.nanoTime() - item.started);
            if (error == null) {
                setOutcome(item, ItemOutcome.SUCCEEDED);
                this.succeededInOrder.add(item.index);
            }
            else {
                setOutcome(item, ItemOutcome.FAILED);
                item.error = (error instanceof TimeoutException) ? new CteraTimeoutException("bulk." + this.name,
                        "item '" + item.id + "' took longer than " + this.options.itemTimeout(),
                        this.options.itemTimeout(), error) : error;
            }
            this.inFlight--;
            this.done++;
            reported = item.toResult();
            emit();
        }
        itemReported(reported);
    }

    /** Stops starting items, naming why in the result; as {@link #cancel()} otherwise. */
    void stopStarting(String reason) {
        synchronized (this.lock) {
            if (this.stoppedBy == null && this.phase == BulkProgress.Phase.RUNNING) {
                this.stoppedBy = reason;
            }
        }
    }

    private Mono<Void> rollBackIfWanted() {
        List<Item> skipped = new ArrayList<>();
        List<Integer> toUndo;
        synchronized (this.lock) {
            for (Item item : this.items) {
                if (item.outcome == null) {
                    setOutcome(item, ItemOutcome.SKIPPED);
                    item.duration = Duration.ZERO;
                    item.note = "not started: " + this.stoppedBy;
                    this.done++;
                    skipped.add(item);
                }
            }
            boolean anyFailed = this.outcomes[ItemOutcome.FAILED.ordinal()] > 0;
            boolean rollBack = this.options.failurePolicy() == FailurePolicy.ROLLBACK
                    && (anyFailed || this.stoppedBy != null);
            toUndo = rollBack ? new ArrayList<>(this.succeededInOrder) : List.of();
            if (rollBack) {
                this.phase = BulkProgress.Phase.ROLLING_BACK;
            }
            emit();
        }
        skipped.forEach(item -> itemReported(item.toResult()));
        if (toUndo.isEmpty()) {
            return Mono.empty();
        }
        // Newest first: an item may depend on one that succeeded before it (a folder before its files).
        List<Integer> newestFirst = new ArrayList<>(toUndo);
        Collections.reverse(newestFirst);
        return Flux.fromIterable(newestFirst).concatMap(this::undo).then();
    }

    private Mono<Void> undo(int index) {
        Item item = this.items[index];
        Mono<?> compensation = this.operations.get(index).compensation();
        if (compensation == null) {
            synchronized (this.lock) {
                item.note = "stands: it has no compensating action";
            }
            return Mono.empty();
        }
        int attempts = this.options.compensationAttempts();
        Retry retry = (attempts <= 1) ? Retry.max(0)
                : Retry.backoff(attempts - 1L, this.options.compensationBackoff())
                    .onRetryExhaustedThrow((spec, signal) -> signal.failure());
        Mono<Object> undoing = Mono.defer(() -> compensation).retryWhen(retry).<Object>map(value -> value)
            .defaultIfEmpty(item);
        return undoing.doOnSubscribe(started -> this.undoing = item)
            .doOnNext(value -> undone(item, null, (value instanceof PartialUndo partial) ? partial : null))
            .onErrorResume(error -> {
                undone(item, error, null);
                return Mono.empty();
            }).then();
    }

    private void undone(Item item, @Nullable Throwable error, @Nullable PartialUndo partial) {
        BulkItemResult reported;
        synchronized (this.lock) {
            if (this.abandonedNow) {
                return;
            }
            setOutcome(item, (error == null) ? ItemOutcome.ROLLED_BACK : ItemOutcome.ROLLBACK_FAILED);
            item.rollbackError = error;
            item.notRestored = (partial != null) ? partial.notRestored() : null;
            reported = item.toResult();
            emit();
        }
        itemReported(reported);
    }

    private void finish() {
        BulkResult finished;
        synchronized (this.lock) {
            if (this.phase == BulkProgress.Phase.FINISHED) {
                return;
            }
            this.phase = BulkProgress.Phase.FINISHED;
            List<BulkItemResult> results = new ArrayList<>(this.items.length);
            for (Item item : this.items) {
                results.add(item.toResult());
            }
            finished = new BulkResult(this.name, this.portal, results, this.stoppedBy,
                    Duration.ofNanos(System.nanoTime() - this.startNanos));
            emit();
            this.progress.tryEmitComplete();
        }
        try {
            this.monitor.jobFinished(this, finished);
        }
        catch (RuntimeException ex) {
            logger.warn("A bulk monitor failed on the end of job {}: {}", this.name, ex.toString());
        }
        this.result.tryEmitValue(finished);
    }

    // Nothing above should fail; if it does, the job still ends, with every item not yet reported marked as failed.
    private void crashed(Throwable error) {
        logger.error("Bulk job {} on portal {} failed internally", this.name, this.portal, error);
        synchronized (this.lock) {
            for (Item item : this.items) {
                if (item.outcome == null) {
                    setOutcome(item, ItemOutcome.FAILED);
                    item.error = error;
                    item.duration = Duration.ZERO;
                    this.done++;
                }
            }
            this.inFlight = 0;
        }
        finish();
    }

    private void itemReported(BulkItemResult item) {
        try {
            this.listener.onItem(item);
        }
        catch (RuntimeException ex) {
            listenerFailed(ex);
        }
    }

    // Called with the lock held: snapshots are taken and delivered in the order the counts changed.
    private void emit() {
        this.current = snapshot();
        this.progress.tryEmitNext(this.current);
        try {
            this.listener.onProgress(this.current);
        }
        catch (RuntimeException ex) {
            listenerFailed(ex);
        }
    }

    private void listenerFailed(RuntimeException ex) {
        if (!this.listenerFailed) {
            this.listenerFailed = true;
            logger.warn("A bulk listener of job {} threw; it is ignored from now on: {}", this.name, ex.toString());
        }
    }

    private void setOutcome(Item item, ItemOutcome outcome) {
        if (item.outcome != null) {
            this.outcomes[item.outcome.ordinal()]--;
        }
        item.outcome = outcome;
        this.outcomes[outcome.ordinal()]++;
    }

    private BulkProgress snapshot() {
        return new BulkProgress(this.items.length, this.done, count(ItemOutcome.SUCCEEDED), count(ItemOutcome.FAILED),
                count(ItemOutcome.SKIPPED), this.inFlight, count(ItemOutcome.ROLLED_BACK),
                count(ItemOutcome.ROLLBACK_FAILED), this.bytes, this.phase);
    }

    private int count(ItemOutcome outcome) {
        return this.outcomes[outcome.ordinal()];
    }

    @Override
    public String toString() {
        return "BulkJob[" + this.name + " on " + this.portal + ", " + current() + "]";
    }

    /** One item's state; guarded by the job's lock. */
    private static final class Item {

        final int index;

        final String id;

        @Nullable ItemOutcome outcome;

        @Nullable Throwable error;

        @Nullable Throwable rollbackError;

        @Nullable String note;

        @Nullable String notRestored;

        long bytes;

        long started;

        boolean startedAction;

        Duration duration = Duration.ZERO;

        Item(int index, String id) {
            this.index = index;
            this.id = id;
        }

        BulkItemResult toResult() {
            ItemOutcome reported = (this.outcome != null) ? this.outcome : ItemOutcome.SKIPPED;
            return new BulkItemResult(this.index, this.id, reported, this.error, this.rollbackError, this.note,
                    this.notRestored, this.bytes, this.duration);
        }
    }
}
