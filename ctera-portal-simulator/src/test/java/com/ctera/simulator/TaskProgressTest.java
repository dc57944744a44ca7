package com.ctera.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.ctera.simulator.xml.XmlObj;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Background tasks advance over the configured duration before reaching their end state (protocol §5.9). */
class TaskProgressTest {

    private static CteraPortalSimulator simulator;
    private static FileCalls alice;

    @BeforeAll
    static void start() throws Exception {
        simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withSeed(false)
            .withTaskDuration(Duration.ofMillis(800)));
        alice = new FileCalls(simulator, "ServicesPortal",
                new PortalHttp(simulator).session("ServicesPortal", simulator.endUserCredentials()));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void progressAdvancesThenCompletes() throws Exception {
        long folder = simulator.state().cloudFolderUid("acme", "alice");
        alice.upload(folder, "My Files/slow.bin", new byte[1000]);
        String ref = alice.action("deleteResources", "", "My Files/slow.bin", null);
        XmlObj first = alice.taskStatus(ref);
        assertThat(first.text("status")).contains("running");
        assertThat(first.get("endTime")).isNull();
        assertThat(Integer.parseInt(first.text("percentage").orElseThrow())).isLessThan(100);
        assertThat(simulator.state().exists("acme", "alice", "My Files/slow.bin", false)).isTrue();
        List<Integer> seen = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(25)).until(() -> {
            XmlObj task = alice.taskStatus(ref);
            seen.add(Integer.parseInt(task.text("percentage").orElseThrow()));
            return task.text("status").orElse("").equals("completed");
        });
        assertThat(seen).isSorted();
        assertThat(seen.stream().filter(percent -> percent > 0 && percent < 100)).isNotEmpty();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(100);
        assertThat(simulator.state().exists("acme", "alice", "My Files/slow.bin", false)).isFalse();
    }

    @Test
    void unseededSimulatorStillGivesEveryUserAnEmptyCloudFolder() throws Exception {
        assertThat(simulator.state().cloudFolderUid("acme", "morgan.reed")).isPositive();
        assertThat(simulator.state().usage("acme", "morgan.reed")).isZero();
        assertThat(simulator.state().logCount()).isLessThan(10);
    }
}
