package com.ctera.client.pipeline;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import com.ctera.client.CteraOperation;

/**
 * How to find out whether a non-idempotent call took effect after its answer was lost (a timeout, a reset after
 * sending, a 5xx). The API area that issues the call supplies it for that call only, through the Reactor context
 * ({@link #attachTo(Context)}); the retry stage asks it before repeating the call, so a user is never created twice.
 * @param operation the operation this read-back answers for; calls of other operations ignore it
 * @param check emits the value the call would have returned when it took effect, and completes empty when it did not;
 * the value must have the type the wrapped call produces (for the XML calls, the decoded {@code XmlValue} answer)
 */
public record ReadBack(CteraOperation operation, Mono<?> check) {

    private static final Class<ReadBack> CONTEXT_KEY = ReadBack.class;

    /** Puts this read-back in the context of the call, e.g. {@code mono.contextWrite(readBack::attachTo)}. */
    public Context attachTo(Context context) {
        return context.put(CONTEXT_KEY, this);
    }

    /** A context writer for {@code Mono.contextWrite}. */
    public Function<Context, Context> writer() {
        return this::attachTo;
    }

    /** The read-back for {@code operation} in this context, or {@code null} when the call supplied none. */
    public static @Nullable ReadBack find(ContextView context, CteraOperation operation) {
        ReadBack readBack = context.getOrDefault(CONTEXT_KEY, null);
        return (readBack != null && readBack.operation().equals(operation)) ? readBack : null;
    }
}
