package com.ctera.benchmarks.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraClientRefusal;
import com.ctera.client.CteraThrottledException;

/**
 * Runs closed-loop callers for a warm-up and then a measured window, counting only calls that end inside the window.
 * Each caller starts its next call when the previous one ends, so the limiter, not the callers, sets the pace.
 */
final class LoadGenerator {

    /** Upper bound of calls per caller, so a limiter that lets everything through cannot run away. */
    private static final long MAX_CALLS_PER_CALLER = 1_000_000;

    private LoadGenerator() {
    }

    /**
     * @param calls one supplier per caller; each supplies the next call
     */
    static LoadResult run(List<Supplier<Mono<?>>> calls, Duration warmup, Duration window) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + window.toNanos();
        LongAdder succeeded = new LongAdder();
        LongAdder throttled = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder failed = new LongAdder();
        List<Mono<Void>> callers = new ArrayList<>();
        for (Supplier<Mono<?>> call : calls) {
            callers.add(Flux.range(0, (int) Math.min(Integer.MAX_VALUE, MAX_CALLS_PER_CALLER))
                .takeWhile(i -> System.nanoTime() < measureTo)
                .concatMap(i -> call.get()
                    .then(Mono.fromRunnable(() -> count(succeeded, measureFrom, measureTo)))
                    .onErrorResume(ex -> {
                        LongAdder bucket = failed;
                        if (ex instanceof CteraThrottledException throttle) {
                            bucket = (throttle instanceof CteraClientRefusal) ? refused : throttled;
                        }
                        count(bucket, measureFrom, measureTo);
                        return Mono.empty();
                    }))
                .then());
        }
        Mono.when(callers).block(warmup.plus(window).plusMinutes(1));
        return new LoadResult(succeeded.sum(), throttled.sum(), refused.sum(), failed.sum(), window);
    }

    private static void count(LongAdder counter, long from, long to) {
        long now = System.nanoTime();
        if (now >= from && now < to) {
            counter.increment();
        }
    }
}
