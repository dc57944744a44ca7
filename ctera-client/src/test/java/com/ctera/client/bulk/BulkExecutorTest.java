package com.ctera.client.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The engine alone, with actions that are plain timers: bounds, policies, rollback, cancellation, progress. */
class BulkExecutorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BulkExecutor executor = new BulkExecutor("test", BulkOptions.DEFAULTS, BulkMonitor.NONE);

    @Test
    void hundredsInFlightAtOnceHoldNoThreadEach() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<BulkOperation> operations = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            operations.add(BulkOperation.of("item-" + i, Mono.defer(() -> {
                mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                threads.add(Thread.currentThread().getName());
                return Mono.delay(Duration.ofMillis(50));
            }).doOnTerminate(running::decrementAndGet)));
        }
        BulkResult result = this.executor.start("timers", operations, BulkOptions.DEFAULTS.withMaxConcurrency(400),
                BulkListener.NONE).result().block(WAIT);
        assertThat(result.allSucceeded()).isTrue();
        assertThat(mostRunning.get()).isEqualTo(400);
        // 400 timers in flight ran on Reactor's few parallel threads, not on a thread each.
        assertThat(threads.size()).isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() + 1);
    }

    @Test
    void continuePolicyRunsEveryItemAndNamesEachFailure() {
        List<BulkOperation> operations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            operations.add(BulkOperation.of("item-" + i, (n % 10 == 3)
                    ? Mono.error(new IllegalStateException("boom " + n)) : Mono.delay(Duration.ofMillis(2))));
        }
        List<BulkProgress> events = Collections.synchronizedList(new ArrayList<>());
        BulkJob job = this.executor.start("mixed", operations, BulkOptions.DEFAULTS, events::add);
        BulkResult result = job.await();
        assertThat(result.count(ItemOutcome.SUCCEEDED)).isEqualTo(45);
        assertThat(result.failed()).extracting(BulkItemResult::id)
            .containsExactly("item-3", "item-13", "item-23", "item-33", "item-43");
        assertThat(result.item("item-13").orElseThrow().error()).hasMessage("boom 13");
        assertThat(result.stoppedBy()).isNull();
        BulkProgressAssertions.assertMonotonicAndFinal(events, result);
        assertThat(job.progress().collectList().block(WAIT)).containsExactly(result.counts());
    }

    @Test
    void abortStopsStartingAndReportsTheRestAsSkipped() {
        List<BulkOperation> operations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            operations.add(BulkOperation.of("item-" + i, (n == 10) ? Mono.error(new IllegalStateException("boom"))
                    : Mono.delay(Duration.ofMillis(5))));
        }
        BulkResult result = this.executor.start("abort", operations,
                BulkOptions.DEFAULTS.withMaxConcurrency(4).withFailurePolicy(FailurePolicy.ABORT), BulkListener.NONE)
            .await();
        assertThat(result.failed()).extracting(BulkItemResult::id).containsExactly("item-10");
        assertThat(result.stoppedBy()).isEqualTo("item 'item-10' failed");
        // Items before the failure were started; in-flight ones finished; nothing after the 4 slots was started.
        assertThat(result.count(ItemOutcome.SUCCEEDED)).isBetween(10, 13);
        assertThat(result.count(ItemOutcome.SKIPPED)).isEqualTo(40 - 1 - result.count(ItemOutcome.SUCCEEDED));
        assertThat(result.withOutcome(ItemOutcome.SKIPPED)).allSatisfy(item -> {
            assertThat(item.index()).isGreaterThan(10);
            assertThat(item.note()).isEqualTo("not started: item 'item-10' failed");
        });
    }

    @Test
    void rollbackUndoesNewestFirstRetriesCompensationsAndReportsOneThatFails() {
        List<String> undone = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger flakyTries = new AtomicInteger();
        List<BulkOperation> operations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "item-" + i;
            Mono<?> action = (i == 6) ? Mono.error(new IllegalStateException("boom")) : Mono.just(id);
            Mono<?> compensation;
            if (i == 2) {
                // Fails twice, then works: retried, it ends rolled back.
                compensation = Mono.defer(() -> (flakyTries.incrementAndGet() < 3)
                        ? Mono.error(new IllegalStateException("flaky")) : Mono.fromRunnable(() -> undone.add(id)));
            }
            else if (i == 4) {
                compensation = Mono.error(new IllegalStateException("cannot undo " + id));
            }
            else {
                compensation = Mono.fromRunnable(() -> undone.add(id));
            }
            operations.add(BulkOperation.of(id, action, compensation));
        }
        List<BulkProgress> events = Collections.synchronizedList(new ArrayList<>());
        BulkResult result = this.executor.start("rollback", operations, BulkOptions.DEFAULTS.withMaxConcurrency(1)
            .withFailurePolicy(FailurePolicy.ROLLBACK).withCompensationRetry(3, Duration.ofMillis(1)), events::add)
            .await();
        assertThat(undone).containsExactly("item-5", "item-3", "item-2", "item-1", "item-0");
        assertThat(flakyTries).hasValue(3);
        assertThat(result.item("item-6").orElseThrow().outcome()).isEqualTo(ItemOutcome.FAILED);
        assertThat(result.item("item-4").orElseThrow().outcome()).isEqualTo(ItemOutcome.ROLLBACK_FAILED);
        assertThat(result.item("item-4").orElseThrow().rollbackError()).hasMessage("cannot undo item-4");
        assertThat(result.withOutcome(ItemOutcome.ROLLED_BACK)).extracting(BulkItemResult::id)
            .containsExactly("item-0", "item-1", "item-2", "item-3", "item-5");
        assertThat(result.withOutcome(ItemOutcome.SKIPPED)).extracting(BulkItemResult::id)
            .containsExactly("item-7", "item-8", "item-9");
        assertThat(events).anyMatch(event -> event.phase() == BulkProgress.Phase.ROLLING_BACK);
        BulkProgressAssertions.assertMonotonicAndFinal(events, result);
    }

    @Test
    void cancellationLetsInFlightItemsFinishAndReportsEveryItem() {
        List<BulkOperation> operations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            operations.add(BulkOperation.of("item-" + i, Mono.delay(Duration.ofMillis(20))));
        }
        BulkJob job = this.executor.start("cancel", operations, BulkOptions.DEFAULTS.withMaxConcurrency(5),
                BulkListener.NONE);
        job.progress().filter(progress -> progress.done() >= 10).next().block(WAIT);
        job.cancel();
        BulkResult result = job.await();
        assertThat(result.items()).hasSize(100);
        assertThat(result.stoppedBy()).isEqualTo("cancelled");
        assertThat(result.count(ItemOutcome.FAILED)).isZero();
        assertThat(result.count(ItemOutcome.SUCCEEDED)).isBetween(10, 25);
        assertThat(result.count(ItemOutcome.SUCCEEDED) + result.count(ItemOutcome.SKIPPED)).isEqualTo(100);
    }

    @Test
    void anItemTimeoutFailsOnlyThatItem() {
        BulkResult result = this.executor.start("timeout", List.of(BulkOperation.of("slow", Mono.never()),
                BulkOperation.of("quick", Mono.just(1))), BulkOptions.DEFAULTS.withItemTimeout(Duration.ofMillis(50)),
                BulkListener.NONE).await();
        assertThat(result.item("slow").orElseThrow().error()).hasMessageContaining("took longer than PT0.05S");
        assertThat(result.item("quick").orElseThrow().outcome()).isEqualTo(ItemOutcome.SUCCEEDED);
    }

    @Test
    void aListenerThatThrowsNeverFailsTheJob() {
        BulkResult result = this.executor.start("listener", List.of(BulkOperation.of("a", Mono.just(1))),
                BulkOptions.DEFAULTS, progress -> {
                    throw new IllegalStateException("listener bug");
                }).await();
        assertThat(result.allSucceeded()).isTrue();
    }

    @Test
    void duplicateIdsAreRefusedBeforeAnythingRuns() {
        AtomicInteger ran = new AtomicInteger();
        Mono<Integer> action = Mono.fromCallable(ran::incrementAndGet);
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.executor.start("dupes", List.of(BulkOperation.of("x", action),
                    BulkOperation.of("x", action))))
            .withMessageContaining("item id 'x' appears twice");
        assertThat(ran).hasValue(0);
    }

    @Test
    void badOptionsNameWhatIsAllowed() {
        assertThatIllegalArgumentException().isThrownBy(() -> BulkOptions.DEFAULTS.withMaxConcurrency(0))
            .withMessage("max concurrency must be between 1 and 4096, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> FailurePolicy.fromName("stop"))
            .withMessage("failure policy must be continue, abort or rollback, was 'stop'");
        assertThat(FailurePolicy.fromName(" Rollback")).isEqualTo(FailurePolicy.ROLLBACK);
    }
}
