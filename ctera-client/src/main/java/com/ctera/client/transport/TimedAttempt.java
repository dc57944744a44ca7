package com.ctera.client.transport;

import java.time.Duration;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import com.ctera.client.timer.CallTimer;
import com.ctera.client.timer.TimedSubscriber;

/**
 * One attempt of an API call under the attempt timeout, watched by the transport's {@link CallTimer}: each
 * subscription (each retry) is watched from its own start, and an attempt still without its answer when the timeout
 * passes is cancelled and fails with {@link FailureTranslator#attemptTimedOut}. An attempt that ends in time costs
 * one subscriber and no scheduled task, where {@code Mono.timeout} scheduled and cancelled a task per call.
 */
final class TimedAttempt<T> extends Mono<T> {

    private final Mono<T> attempt;

    private final CallTimer timer;

    private final FailureTranslator failures;

    private final ApiRequest request;

    private final Duration timeout;

    TimedAttempt(Mono<T> attempt, CallTimer timer, FailureTranslator failures, ApiRequest request,
            Duration timeout) {
        this.attempt = attempt;
        this.timer = timer;
        this.failures = failures;
        this.request = request;
        this.timeout = timeout;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        this.attempt.subscribe(new AttemptSubscriber<>(actual, this));
    }

    private static final class AttemptSubscriber<T> extends TimedSubscriber<T> {

        private final TimedAttempt<?> attempt;

        AttemptSubscriber(CoreSubscriber<? super T> actual, TimedAttempt<?> attempt) {
            super(actual, attempt.timer, attempt.timeout.toNanos());
            this.attempt = attempt;
        }

        @Override
        protected Throwable timedOut() {
            return this.attempt.failures.attemptTimedOut(this.attempt.request, this.attempt.timeout);
        }
    }
}
