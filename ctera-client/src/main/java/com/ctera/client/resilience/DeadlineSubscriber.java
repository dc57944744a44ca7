package com.ctera.client.resilience;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import reactor.core.CoreSubscriber;

import com.ctera.client.CteraDeadlineExceededException;
import com.ctera.client.timer.CallTimer;
import com.ctera.client.timer.TimedSubscriber;

/**
 * One call under the overall deadline: fails it with {@link CteraDeadlineExceededException} when the deadline passes
 * first. One object per call where a deferred timeout with a sink, a finally hook and an error mapping took about
 * 1.5 KB (docs/benchmarks.md).
 */
final class DeadlineSubscriber<T> extends TimedSubscriber<T> {

    private final String operation;

    private final Duration deadline;

    DeadlineSubscriber(CoreSubscriber<? super T> actual, CallTimer timer, String operation, Duration deadline,
            long deadlineNanos) {
        super(actual, timer, deadlineNanos);
        this.operation = operation;
        this.deadline = deadline;
    }

    @Override
    protected Throwable timedOut() {
        String message = this.operation + " failed: no result within the overall deadline of " + this.deadline
                + " (all attempts included)";
        return new CteraDeadlineExceededException(this.operation, message, this.deadline,
                new TimeoutException(message));
    }
}
