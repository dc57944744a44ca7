package com.ctera.client.bulk;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a job's progress events: monotonic where the contract says so, the last one equal to the result. */
final class BulkProgressAssertions {

    private BulkProgressAssertions() {
    }

    static void assertMonotonicAndFinal(List<BulkProgress> events, BulkResult result) {
        assertThat(events).isNotEmpty();
        BulkProgress previous = null;
        for (BulkProgress event : events) {
            assertThat(event.total()).isEqualTo(result.items().size());
            assertThat(event.done()).isEqualTo(event.succeeded() + event.failed() + event.skipped()
                    + event.rolledBack() + event.rollbackFailed());
            assertThat(event.inFlight()).isBetween(0, event.total());
            if (previous != null) {
                assertThat(event.done()).as("done after %s", previous).isGreaterThanOrEqualTo(previous.done());
                assertThat(event.failed()).isGreaterThanOrEqualTo(previous.failed());
                assertThat(event.skipped()).isGreaterThanOrEqualTo(previous.skipped());
                assertThat(event.rolledBack()).isGreaterThanOrEqualTo(previous.rolledBack());
                assertThat(event.rollbackFailed()).isGreaterThanOrEqualTo(previous.rollbackFailed());
                assertThat(event.succeeded() + event.rolledBack() + event.rollbackFailed())
                    .isGreaterThanOrEqualTo(previous.succeeded() + previous.rolledBack() + previous.rollbackFailed());
                assertThat(event.bytes()).isGreaterThanOrEqualTo(previous.bytes());
                assertThat(event.phase().ordinal()).isGreaterThanOrEqualTo(previous.phase().ordinal());
            }
            previous = event;
        }
        assertThat(events.get(events.size() - 1)).isEqualTo(result.counts());
    }
}
