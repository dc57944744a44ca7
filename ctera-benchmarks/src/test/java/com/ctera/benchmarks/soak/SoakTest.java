package com.ctera.benchmarks.soak;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The soak of issue 21 in the test run, bounded: a thousand mixed calls under every kind of fault at a fixed
 * rate end typed or correct, none hangs, and heap, threads, connections and open files stay flat. The long form is
 * {@link SoakRunner} (docs/reliability.md).
 */
class SoakTest {

    @Test
    void mixedCallsUnderMixedFaultsLeaveHeapThreadsConnectionsAndFilesFlat() {
        SoakReport report = assertTimeoutPreemptively(Duration.ofSeconds(180), () -> new SoakRun(1000, 100,
                FaultMix.parse(FaultMix.DEFAULT), 16, Duration.ofMillis(500)).run());
        assertThat(report.untypedFailures()).isEmpty();
        assertThat(report.unfinished()).isZero();
        assertThat(report.connectionsInUseAtEnd()).isZero();
        assertThat(report.trends()).hasSizeGreaterThanOrEqualTo(3).allMatch(Trend::flat);
        assertThat(report.samples()).hasSizeGreaterThan(10);
        // The faults reached the callers: most calls are correct, and failures of several types were seen.
        assertThat(report.outcomes().get("correct")).isGreaterThan(report.calls() / 3);
        assertThat(report.outcomes()).containsKeys("CteraServerException", "CteraTransportException",
                "CteraThrottledException");
        assertThat(report.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(report.calls());
    }

    @Test
    void aFaultMixNamesWhatIsWrongWithIt() {
        assertThat(FaultMix.parse("500=2, reset=1.5").percentages()).containsEntry("500", 2.0)
                .containsEntry("reset", 1.5);
        assertThatIllegalArgumentException().isThrownBy(() -> FaultMix.parse("teapot=1"))
                .withMessageContaining("teapot=1").withMessageContaining("midTransfer");
        assertThatIllegalArgumentException().isThrownBy(() -> FaultMix.parse("500=x"))
                .withMessageContaining("percentage from 0 to 100");
        assertThatIllegalArgumentException().isThrownBy(() -> FaultMix.parse("500=60,reset=60"))
                .withMessageContaining("more than 100");
    }
}
