package com.ctera.client.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every strategy against a clock the test moves by hand. */
class RateLimitStrategiesTest {

    private static final long SECOND = 1_000_000_000L;

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    private void advance(long nanos) {
        this.now.addAndGet(nanos);
    }

    @Test
    void tokenBucketGrantsTheBurstAtOnceThenTheSteadyRate() {
        TokenBucketStrategy bucket = new TokenBucketStrategy(10, 5, this.now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.reserve(0)).as("burst permit %d", i).isZero();
        }
        assertThat(bucket.reserve(0)).isEqualTo(RateLimitStrategy.REJECTED);
        // At 10/s the next permits are due 100 ms apart; a caller reserves its slot and learns its wait.
        assertThat(bucket.reserve(SECOND)).isEqualTo(100 * MS);
        assertThat(bucket.reserve(SECOND)).isEqualTo(200 * MS);
        advance(200 * MS);
        assertThat(bucket.reserve(0)).isEqualTo(RateLimitStrategy.REJECTED);
        advance(100 * MS);
        assertThat(bucket.reserve(0)).isZero();
        // After a quiet second the bucket holds a full burst again, never more.
        advance(10 * SECOND);
        assertThat(bucket.availablePermits()).isEqualTo(5);
    }

    @Test
    void tokenBucketRefusesAWaitLongerThanTheCallerAllowsAndReservesNothing() {
        TokenBucketStrategy bucket = new TokenBucketStrategy(1, 1, this.now::get);
        assertThat(bucket.reserve(0)).isZero();
        assertThat(bucket.reserve(500 * MS)).isEqualTo(RateLimitStrategy.REJECTED);
        assertThat(bucket.reserve(SECOND)).isEqualTo(SECOND);
    }

    @Test
    void fixedWindowRenewsEveryPermitAtTheWindowEdge() {
        FixedWindowStrategy window = new FixedWindowStrategy("fw", 3, Duration.ofSeconds(1), Duration.ofSeconds(5),
                this.now::get);
        advance(100 * MS);
        for (int i = 0; i < 3; i++) {
            assertThat(window.reserve(0)).isZero();
        }
        assertThat(window.reserve(0)).isEqualTo(RateLimitStrategy.REJECTED);
        // Just before the edge: still nothing; at the edge: three new permits at once.
        advance(899 * MS);
        assertThat(window.reserve(0)).isEqualTo(RateLimitStrategy.REJECTED);
        advance(1 * MS);
        for (int i = 0; i < 3; i++) {
            assertThat(window.reserve(0)).as("permit %d after the edge", i).isZero();
        }
        assertThat(window.reserve(0)).isEqualTo(RateLimitStrategy.REJECTED);
        assertThat(window.reserve(2 * SECOND)).isEqualTo(SECOND);
        assertThat(window.currentRate()).isEqualTo(3.0);
    }

    @Test
    void slidingWindowCountsAnyWindowNotJustAlignedOnes() {
        SlidingWindowStrategy window = new SlidingWindowStrategy(3, Duration.ofSeconds(1), this.now::get);
        assertThat(window.reserve(0)).isZero();
        advance(600 * MS);
        assertThat(window.reserve(0)).isZero();
        assertThat(window.reserve(0)).isZero();
        assertThat(window.reserve(0)).isEqualTo(RateLimitStrategy.REJECTED);
        assertThat(window.availablePermits()).isZero();
        // A fixed window would reset at 1 s; the sliding one frees exactly one permit when the first one leaves.
        advance(399 * MS);
        assertThat(window.reserve(0)).isEqualTo(RateLimitStrategy.REJECTED);
        advance(1 * MS);
        assertThat(window.reserve(0)).isZero();
        assertThat(window.reserve(0)).isEqualTo(RateLimitStrategy.REJECTED);
        // The next two leave 1 s after they came, at 1.6 s.
        assertThat(window.reserve(SECOND)).isEqualTo(600 * MS);
    }

    @Test
    void adaptiveCutsTheRateOnThrottlingAndRecoversAlongTheCubicCurve() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(100, 10, 1, this.now::get);
        assertThat(adaptive.currentRate()).isEqualTo(100.0);
        adaptive.onThrottled(null);
        assertThat(adaptive.currentRate()).isCloseTo(70.0, org.assertj.core.data.Offset.offset(1e-9));
        adaptive.onThrottled(null);
        assertThat(adaptive.currentRate()).isCloseTo(49.0, org.assertj.core.data.Offset.offset(1e-9));
        // Recovery is fast at first, then flattens onto the plateau just below the rate of the last cut after K seconds.
        double plateau = AdaptiveStrategy.PLATEAU_SHARE * 70;
        double k = Math.cbrt((plateau - 49) / AdaptiveStrategy.SCALE);
        advance(SECOND);
        adaptive.onSuccess();
        double afterOneSecond = adaptive.currentRate();
        assertThat(afterOneSecond).isGreaterThan(49.0).isLessThan(plateau);
        advance((long) ((k - 1) * SECOND));
        adaptive.onSuccess();
        assertThat(adaptive.currentRate()).isCloseTo(plateau, org.assertj.core.data.Offset.offset(0.5));
        // Never above the configured rate.
        advance(60 * SECOND);
        adaptive.onSuccess();
        assertThat(adaptive.currentRate()).isEqualTo(100.0);
    }

    @Test
    void adaptiveNeverGoesBelowItsMinimumRate() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(10, 1, 2, this.now::get);
        for (int i = 0; i < 20; i++) {
            adaptive.onThrottled(null);
        }
        assertThat(adaptive.currentRate()).isEqualTo(2.0);
        assertThat(adaptive.throttles()).isEqualTo(20);
    }

    @Test
    void adaptiveRetryAfterPausesEveryCallerUntilItEnds() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(100, 50, 1, this.now::get);
        assertThat(adaptive.reserve(0)).isZero();
        adaptive.onThrottled(Duration.ofSeconds(2));
        // Tokens are left, yet every caller waits out the pause.
        assertThat(adaptive.reserve(5 * SECOND)).isEqualTo(2 * SECOND);
        assertThat(adaptive.reserve(5 * SECOND)).isEqualTo(2 * SECOND);
        assertThat(adaptive.reserve(SECOND)).isEqualTo(RateLimitStrategy.REJECTED);
        advance(2 * SECOND);
        assertThat(adaptive.reserve(0)).isZero();
    }

    @Test
    void adaptiveSpacesCallsAtTheCurrentRateOnceTheBurstIsSpent() {
        AdaptiveStrategy adaptive = new AdaptiveStrategy(10, 1, 1, this.now::get);
        assertThat(adaptive.reserve(0)).isZero();
        assertThat(adaptive.reserve(SECOND)).isEqualTo(100 * MS);
        adaptive.onThrottled(null);
        // The cut also slows the refill that pays for the reservation still outstanding: two tokens short at 7/s.
        assertThat(adaptive.reserve(SECOND)).isBetween(2 * SECOND / 7 - MS, 2 * SECOND / 7 + MS);
    }

    @Test
    void noneNeverWaits() {
        NoRateLimit none = new NoRateLimit();
        for (int i = 0; i < 1000; i++) {
            assertThat(none.reserve(0)).isZero();
        }
    }

    @Test
    void badSettingsAreRefusedWithTheSettingAndTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucketStrategy(0, 1))
            .withMessage("token bucket rate must be positive, was 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new SlidingWindowStrategy(0, Duration.ofSeconds(1)))
            .withMessage("sliding window limit must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new AdaptiveStrategy(10, 1, 20))
            .withMessageContaining("min-rate must be positive and at most the rate");
    }
}
