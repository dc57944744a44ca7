package com.ctera.client.pipeline;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * What happens inside one call, reported by the inner stages (retry, rate limiter, session, transfers) to whoever
 * watches the call, usually the observation stage. The watcher puts its instance in the Reactor context under
 * {@link #CONTEXT_KEY}; stages find it with {@link #from(ContextView)} and get {@link #NONE} when nobody watches.
 * Implementations must be quick and must not throw.
 */
public interface CallEvents {

    /** Reactor context key of the call's watcher. */
    Class<CallEvents> CONTEXT_KEY = CallEvents.class;

    /** The watcher that ignores everything. */
    CallEvents NONE = new CallEvents() {
    };

    /** The retry stage is about to repeat the call; {@code attempt} is the number of the attempt to come (2, 3, ...). */
    default void retrying(int attempt, Throwable cause, Duration backoff) {
    }

    /** The rate limiter held the call this long before granting a permit. */
    default void rateLimited(Duration waited) {
    }

    /** The session logged in during this call; {@code renewal} when it replaced an expired session. */
    default void loggedIn(boolean renewal) {
    }

    /** Bytes of file content moved by this call, sent to or received from the portal. */
    default void transferred(long bytesSent, long bytesReceived) {
    }

    /** The watcher of the call running in this context. */
    static CallEvents from(ContextView context) {
        return context.getOrDefault(CONTEXT_KEY, NONE);
    }

    /** Runs {@code action} with the watcher of the current call. */
    static Mono<Void> notify(Consumer<CallEvents> action) {
        return Mono.deferContextual((context) -> {
            action.accept(from(context));
            return Mono.<Void>empty();
        });
    }
}
