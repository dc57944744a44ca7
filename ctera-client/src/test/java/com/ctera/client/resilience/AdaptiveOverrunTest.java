package com.ctera.client.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One overrun of the portal cuts the adaptive rate once, and a pause spaces the callers queued behind it. */
class AdaptiveOverrunTest {

    private static final long SECOND = 1_000_000_000L;

    private static final Offset<Double> EXACT = Offset.offset(1e-9);

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    @Test
    void refusalsOfCallsSentBeforeTheCutDoNotCutAgain() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(100, 10, 1, this.now::get);
        long sentEarly = this.now.get();
        this.now.addAndGet(SECOND / 100);
        adaptive.onThrottled(null, sentEarly);
        assertThat(adaptive.currentRate()).isCloseTo(70.0, EXACT);
        adaptive.onThrottled(null, sentEarly);
        assertThat(adaptive.currentRate()).isCloseTo(70.0, EXACT);
        // A call sent after the cut and still refused is news: the rate is still too high.
        long sentLater = this.now.addAndGet(SECOND / 100);
        this.now.addAndGet(SECOND / 100);
        adaptive.onThrottled(null, sentLater);
        assertThat(adaptive.currentRate()).isCloseTo(49.0, EXACT);
        assertThat(adaptive.throttles()).isEqualTo(3);
    }

    @Test
    void refusalsWithinTheRetryAfterOfTheCutDoNotCutAgain() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(100, 10, 1, false, this.now::get);
        adaptive.onThrottled(Duration.ofSeconds(1), this.now.get());
        assertThat(adaptive.currentRate()).isCloseTo(70.0, EXACT);
        long withinHold = this.now.addAndGet(SECOND / 2);
        adaptive.onThrottled(Duration.ofSeconds(1), withinHold);
        assertThat(adaptive.currentRate()).isCloseTo(70.0, EXACT);
        long afterHold = this.now.addAndGet(SECOND);
        adaptive.onThrottled(Duration.ofSeconds(1), afterHold);
        assertThat(adaptive.currentRate()).isLessThan(70.0);
    }

    @Test
    void callersQueuedBehindAPauseAreSpacedAtTheRateAfterIt() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(10, 1, 1, this.now::get);
        assertThat(adaptive.reserve(0)).isZero();
        adaptive.onThrottled(Duration.ofSeconds(2));
        // The rate is now 7/s and nothing accrues during the pause: one permit every 1/7 s once it ends.
        long first = adaptive.reserve(10 * SECOND);
        long second = adaptive.reserve(10 * SECOND);
        assertThat(first).isBetween(2 * SECOND + SECOND / 7 - 1000, 2 * SECOND + SECOND / 7 + 1000);
        assertThat(second - first).isBetween(SECOND / 7 - 1000, SECOND / 7 + 1000);
    }

    @Test
    void withoutPausingARetryAfterOnlyCutsTheRate() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(10, 5, 1, false, this.now::get);
        adaptive.onThrottled(Duration.ofSeconds(30));
        assertThat(adaptive.reserve(0)).isZero();
        assertThat(adaptive.currentRate()).isCloseTo(7.0, EXACT);
    }
}
