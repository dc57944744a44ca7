package com.ctera.client;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.ctera.client.tasks.BackgroundTask;
import com.ctera.client.tasks.PendingTask;
import com.ctera.client.tasks.TaskStatus;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Awaiting a slow background task: progress is reported, the timeout is typed, a throwing listener is ignored. */
class TaskTimeoutTest {

    private static CteraPortalSimulator simulator;

    private static CteraPortal user;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withTaskDuration(Duration.ofMillis(1200)));
        user = TestPortals.endUser(simulator);
        user.files().mkdirs("My Files/slow");
        user.files().upload(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), "My Files/slow", "a.bin");
    }

    @AfterAll
    static void stop() {
        user.close();
        simulator.close();
    }

    @Test
    void aTaskStillRunningAtTheTimeoutFailsWithTheTimeoutException() {
        PendingTask copy = user.files().copy(List.of("My Files/slow/a.bin"), "My Files");
        assertThatThrownBy(() -> user.tasks().await(copy, Duration.ofMillis(150)))
                .isInstanceOfSatisfying(CteraTimeoutException.class, timeout -> {
                    assertThat(timeout.operation()).isEqualTo("files.copy");
                    assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(150));
                    assertThat(timeout.getMessage()).contains(copy.ref().path()).contains("My Files/slow/a.bin");
                });
        // The task goes on regardless; a later wait sees it finish.
        assertThat(user.tasks().await(copy, Duration.ofSeconds(10)).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void progressIsReportedOnEveryPollAndAThrowingListenerIsIgnored() {
        PendingTask delete = user.files().delete("My Files/slow/a.bin");
        List<Integer> percentages = new CopyOnWriteArrayList<>();
        StepVerifier.create(user.reactive().tasks().await(delete, Duration.ofSeconds(10), task -> {
            percentages.add(task.percentage());
            throw new IllegalStateException("listener bug");
        })).assertNext(task -> assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED)).verifyComplete();
        // 1.2 s of work polled every 20 ms: many reads, rising percentages, the last one 100.
        assertThat(percentages).hasSizeGreaterThan(5).isSorted();
        assertThat(percentages.get(percentages.size() - 1)).isEqualTo(100);
        assertThat(percentages).anyMatch(percentage -> percentage > 0 && percentage < 100);
        BackgroundTask restored = user.tasks().await(user.files().restore("My Files/slow/a.bin"), Duration.ofSeconds(10));
        assertThat(restored.finished()).isTrue();
        assertThatThrownBy(() -> user.tasks().await(delete.ref(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }
}
