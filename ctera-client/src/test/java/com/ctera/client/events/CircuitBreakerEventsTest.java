package com.ctera.client.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Resilience4j breaker's life: one event when it opens, one when it closes, nothing for half-open probes. */
class CircuitBreakerEventsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);

    private final List<CteraEvent> published = new CopyOnWriteArrayList<>();

    private final CircuitBreaker breaker = CircuitBreaker.of("main", CircuitBreakerConfig.custom()
        .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofMinutes(1)).permittedNumberOfCallsInHalfOpenState(1).build());

    @Test
    void opensAndClosesOnceEachWhateverTheProbes() {
        CircuitBreakerEvents.attach("main", this.breaker, this.published::add, CLOCK);
        fail();
        fail();
        assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        this.breaker.transitionToHalfOpenState();
        fail();
        assertThat(this.breaker.getState()).as("a failed probe re-opens it").isEqualTo(CircuitBreaker.State.OPEN);
        this.breaker.transitionToHalfOpenState();
        this.breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        assertThat(this.published).hasSize(2).allSatisfy(event -> {
            assertThat(event).isInstanceOf(CteraCircuitBreakerEvent.class);
            assertThat(event.portal()).isEqualTo("main");
            assertThat(event.time()).isEqualTo(CLOCK.instant());
            assertThat(event.id()).matches("cbr_[0-9a-f]{32}");
        });
        CteraCircuitBreakerEvent opened = (CteraCircuitBreakerEvent) this.published.get(0);
        CteraCircuitBreakerEvent closed = (CteraCircuitBreakerEvent) this.published.get(1);
        assertThat(opened.open()).isTrue();
        assertThat(opened.fromState()).isEqualTo("CLOSED");
        assertThat(opened.toState()).isEqualTo("OPEN");
        assertThat(closed.open()).isFalse();
        assertThat(closed.fromState()).isEqualTo("HALF_OPEN");
        assertThat(closed.toState()).isEqualTo("CLOSED");
    }

    @Test
    void aForcedOpeningCountsAndAFailingListenerDoesNotReachTheCaller() {
        CircuitBreakerEvents.attach("main", this.breaker, event -> {
            this.published.add(event);
            throw new IllegalStateException("listener broke");
        }, CLOCK);
        this.breaker.transitionToForcedOpenState();
        this.breaker.transitionToClosedState();
        assertThat(this.published).extracting(event -> ((CteraCircuitBreakerEvent) event).toState())
            .containsExactly("FORCED_OPEN", "CLOSED");
    }

    private void fail() {
        this.breaker.onError(1, TimeUnit.MILLISECONDS, new IllegalStateException("portal down"));
    }
}
