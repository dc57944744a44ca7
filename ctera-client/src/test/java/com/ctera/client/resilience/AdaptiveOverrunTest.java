package com.ctera.client.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One overrun of the portal cuts the adaptive rate once, the rate then holds just below where the portal throttled
 * before probing above it, and a pause spaces the callers queued behind it and re-times those reserved before it.
 */
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

    @Test
    void afterACutTheRateHoldsJustBelowTheThrottledRateThenProbesAboveItSlowly() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(200, 1, 1, false, this.now::get);
        adaptive.onThrottled(null);
        // A call sent after that cut is refused too: the portal throttled at 140, cut to 98.
        adaptive.onThrottled(null);
        double throttledAt = 140;
        assertThat(adaptive.currentRate()).isCloseTo(98.0, EXACT);
        double plateau = AdaptiveStrategy.PLATEAU_SHARE * throttledAt;
        double k = Math.cbrt((plateau - 98) / AdaptiveStrategy.SCALE);
        double hold = AdaptiveStrategy.PLATEAU_SECONDS;
        double probe = AdaptiveStrategy.PROBE_SECONDS;
        double[] rates = ratesAt(adaptive, k / 2, k, k + hold / 2, k + hold, k + hold + 1, k + hold + probe,
                k + hold + 1.5 * probe);
        Offset<Double> close = Offset.offset(0.01);
        assertThat(rates[0]).isGreaterThan(98.0).isLessThan(plateau);
        // Arrives at the plateau after K seconds and stays on it for the plateau's length.
        assertThat(rates[1]).isCloseTo(plateau, close);
        assertThat(rates[2]).isCloseTo(plateau, close);
        assertThat(rates[3]).isCloseTo(plateau, close);
        // Then probes: barely above the plateau after a second, back at the throttled rate after the probe time...
        assertThat(rates[4]).isGreaterThan(plateau).isLessThan(plateau + 0.01 * throttledAt);
        assertThat(rates[5]).isCloseTo(throttledAt, close);
        // ...and beyond it, faster, so a raised limit is found again.
        assertThat(rates[6]).isCloseTo(plateau + 3.375 * (throttledAt - plateau), close);
        // Never above the configured rate.
        assertThat(ratesAt(adaptive, 600)[0]).isEqualTo(200.0);
    }

    @Test
    void aProbeThatIsRefusedCutsFromTheProbedRateAndHoldsBelowIt() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(100, 1, 1, false, this.now::get);
        adaptive.onThrottled(null);
        double probed = ratesAt(adaptive, 30)[0];
        assertThat(probed).isGreaterThan(100 * AdaptiveStrategy.PLATEAU_SHARE).isLessThan(100.0);
        adaptive.onThrottled(null);
        assertThat(adaptive.currentRate()).isCloseTo(probed * AdaptiveStrategy.BETA, EXACT);
        double k = Math.cbrt(probed * (AdaptiveStrategy.PLATEAU_SHARE - AdaptiveStrategy.BETA)
                / AdaptiveStrategy.SCALE);
        assertThat(ratesAt(adaptive, k + 1)[0]).isCloseTo(probed * AdaptiveStrategy.PLATEAU_SHARE,
                Offset.offset(0.01));
    }

    @Test
    void aPermitReservedBeforeAPauseButDueInsideItIsMovedPastItByThePausesLength() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(10, 1, 1, this.now::get);
        assertThat(adaptive.reserve(0)).isZero();
        long due = this.now.get() + adaptive.reserve(SECOND);
        assertThat(due - this.now.get()).isEqualTo(SECOND / 10);
        long pauseStart = this.now.addAndGet(SECOND / 20);
        adaptive.onThrottled(Duration.ofSeconds(1));
        // Due 50 ms into the pause: moved to 50 ms after it.
        assertThat(adaptive.delayAfterPause(due)).isEqualTo(SECOND + SECOND / 20);
        this.now.set(due);
        assertThat(adaptive.delayAfterPause(due)).isEqualTo(SECOND);
        // Callers who reserve during the pause come after it, spaced at the cut rate.
        long queuedDuringThePause = this.now.get() + adaptive.reserve(5 * SECOND);
        assertThat(queuedDuringThePause).isGreaterThan(due + SECOND);
        // Permits due before the pause or after it are left as they are.
        assertThat(adaptive.delayAfterPause(pauseStart - 1)).isZero();
        assertThat(adaptive.delayAfterPause(pauseStart + SECOND)).isZero();
    }

    @Test
    void aCallerWaitingForItsPermitWhenAPauseBeginsWaitsUntilAfterThePause() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        AdaptiveStrategy adaptive = new AdaptiveStrategy(10, 1, 1,
                () -> 5 * SECOND + time.now(TimeUnit.NANOSECONDS));
        CallRateLimiter limiter = new CallRateLimiter("main", adaptive, Duration.ofSeconds(10), time);
        assertThat(limiter.reserve(Duration.ofSeconds(10))).isZero();
        AtomicReference<Duration> waited = new AtomicReference<>();
        Disposable waiting = limiter.acquireReactive().subscribe(waited::set);
        try {
            time.advanceTimeBy(Duration.ofMillis(50));
            adaptive.onThrottled(Duration.ofSeconds(1));
            time.advanceTimeBy(Duration.ofMillis(60));
            assertThat(waited.get()).isNull();
            time.advanceTimeBy(Duration.ofMillis(900));
            assertThat(waited.get()).isNull();
            time.advanceTimeBy(Duration.ofMillis(100));
            assertThat(waited.get()).isEqualTo(Duration.ofMillis(1100));
        }
        finally {
            waiting.dispose();
            time.dispose();
        }
    }

    private double[] ratesAt(AdaptiveStrategy adaptive, double... secondsAfterTheCut) {
        long cut = this.now.get();
        double[] rates = new double[secondsAfterTheCut.length];
        for (int i = 0; i < rates.length; i++) {
            this.now.set(cut + (long) (secondsAfterTheCut[i] * SECOND));
            adaptive.onSuccess();
            rates[i] = adaptive.currentRate();
        }
        return rates;
    }
}
