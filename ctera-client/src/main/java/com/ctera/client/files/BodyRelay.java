package com.ctera.client.files;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Hands a download's body, attempt after attempt, to one subscriber of a {@code Flux<DataBuffer>}, passing the
 * subscriber's demand straight to the connection: no thread waits on anything, and a slow subscriber slows the
 * download instead of filling memory.
 */
final class BodyRelay {

    private final FluxSink<DataBuffer> sink;

    private volatile @Nullable Subscription current;

    BodyRelay(FluxSink<DataBuffer> sink) {
        this.sink = sink;
        sink.onRequest(this::request);
    }

    /** Relays one attempt's body; completes, with the bytes relayed, when the body does. */
    Mono<Long> relay(Flux<DataBuffer> body) {
        return Mono.create(done -> {
            Attempt attempt = new Attempt(done);
            done.onCancel(attempt);
            body.subscribe(attempt);
        });
    }

    private void request(long count) {
        Subscription subscription = this.current;
        if (subscription != null) {
            subscription.request(count);
        }
    }

    /** One attempt's subscription to the body. */
    private final class Attempt extends BaseSubscriber<DataBuffer> {

        private final MonoSink<Long> done;

        private long relayed;

        Attempt(MonoSink<Long> done) {
            this.done = done;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            BodyRelay.this.current = subscription;
            // What the subscriber asked for and has not had yet, possibly asked for again by a request racing this
            // line: a buffer or two more at most, which the sink holds.
            long wanted = BodyRelay.this.sink.requestedFromDownstream();
            if (wanted > 0) {
                subscription.request(wanted);
            }
        }

        @Override
        protected void hookOnNext(DataBuffer buffer) {
            this.relayed += buffer.readableByteCount();
            BodyRelay.this.sink.next(buffer);
        }

        @Override
        protected void hookOnComplete() {
            BodyRelay.this.current = null;
            this.done.success(this.relayed);
        }

        @Override
        protected void hookOnError(Throwable error) {
            BodyRelay.this.current = null;
            this.done.error(error);
        }
    }
}
