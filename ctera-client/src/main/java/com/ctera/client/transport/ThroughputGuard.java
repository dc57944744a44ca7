package com.ctera.client.transport;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraTransportException;

/**
 * Fails a transfer whose bytes move slower than its {@link TransferThroughput}. One timer tick per period counts
 * what moved since the last; a download whose consumer asked for nothing during a period (a slow subscriber, which
 * holds the bytes back itself) is not judged for that period.
 */
final class ThroughputGuard {

    private ThroughputGuard() {
    }

    /**
     * @param consumerMayPause whether a pause in demand is the consumer's doing (a download's subscriber) rather than
     * the network's (an upload, whose demand is the connection's)
     */
    static Flux<DataBuffer> guard(Flux<DataBuffer> bytes, TransferThroughput rule, boolean consumerMayPause,
            ApiRequest request) {
        return guard(bytes, DataBuffer::readableByteCount, rule, consumerMayPause, request);
    }

    /** The same rule for a stream of byte counts, such as a file the connection sends from disk. */
    static Flux<Long> guardCounts(Flux<Long> counts, TransferThroughput rule, ApiRequest request) {
        return guard(counts, Long::longValue, rule, false, request);
    }

    private static <T> Flux<T> guard(Flux<T> bytes, ToLongFunction<T> size, TransferThroughput rule,
            boolean consumerMayPause, ApiRequest request) {
        if (!rule.enabled()) {
            return bytes;
        }
        return Flux.defer(() -> {
            Window window = new Window();
            Mono<Void> watchdog = Flux.interval(rule.period(), rule.period())
                    .handle((tick, sink) -> {
                        if (window.stalled(rule.minimumBytes(), consumerMayPause)) {
                            String operation = request.operation().name();
                            sink.error(new CteraTransportException(operation, 0, operation + " failed: the transfer "
                                    + "moved fewer than " + rule + " (the minimum transfer throughput) ("
                                    + request.method().name() + " " + request.uri() + ")", null));
                        }
                    })
                    .then();
            return bytes.doOnRequest(window::requested)
                    .doOnNext(item -> window.moved(size.applyAsLong(item)))
                    .takeUntilOther(watchdog);
        });
    }

    /** Bytes and demand within the current period. */
    private static final class Window {

        private final AtomicLong bytes = new AtomicLong();

        private final AtomicLong outstanding = new AtomicLong();

        private volatile boolean consumerIdle;

        void requested(long count) {
            this.outstanding.accumulateAndGet(count, (current, more) -> (current + more < 0) ? Long.MAX_VALUE
                    : current + more);
        }

        void moved(long count) {
            this.bytes.addAndGet(count);
            if (this.outstanding.get() != Long.MAX_VALUE && this.outstanding.decrementAndGet() <= 0) {
                this.consumerIdle = true;
            }
        }

        boolean stalled(long minimum, boolean consumerMayPause) {
            long moved = this.bytes.getAndSet(0);
            boolean idle = this.consumerIdle || this.outstanding.get() <= 0;
            this.consumerIdle = this.outstanding.get() <= 0;
            return moved < minimum && !(consumerMayPause && idle);
        }
    }
}
