package com.ctera.client.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.ctera.client.CteraPage;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Feeds one subscriber of {@link Paging#flux}: hands out buffered items as demand arrives and starts the next page's
 * fetch only when the buffer is empty and demand remains. All decisions happen in {@link #drain()}, which is
 * serialized by a work-in-progress counter, so requests, page arrivals and failures on any thread never race.
 */
final class PagedFluxDriver<T> {

    private final FluxSink<T> sink;

    private final IntFunction<Mono<CteraPage<T>>> fetchAt;

    private final int pageSize;

    private final Paging.Limit limit;

    // Written only on page arrival, which is one at a time: a page is fetched only after the last one has landed.
    private long total;

    private @Nullable List<T> previous;

    private final Queue<T> buffer = new ConcurrentLinkedQueue<>();

    private final AtomicInteger wip = new AtomicInteger();

    private final Disposable.Swap inFlight = Disposables.swap();

    private volatile boolean fetching;

    private volatile boolean lastPageSeen;

    private volatile @Nullable Throwable failure;

    private volatile int nextStart;

    private boolean terminated;

    PagedFluxDriver(FluxSink<T> sink, IntFunction<Mono<CteraPage<T>>> fetchAt, int pageSize, Paging.Limit limit) {
        this.sink = sink;
        this.fetchAt = fetchAt;
        this.pageSize = pageSize;
        this.limit = limit;
    }

    void start() {
        this.sink.onDispose(this.inFlight);
        this.sink.onRequest(requested -> drain());
        drain();
    }

    private void drain() {
        if (this.wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (!this.terminated && !this.sink.isCancelled() && this.sink.requestedFromDownstream() > 0) {
                T item = this.buffer.poll();
                if (item == null) {
                    break;
                }
                this.sink.next(item);
            }
            // Read "fetching" before the buffer: a page that has landed is fully buffered before fetching clears.
            boolean idle = !this.fetching;
            if (idle && !this.terminated && !this.sink.isCancelled() && this.buffer.isEmpty()) {
                Throwable error = this.failure;
                if (error != null) {
                    this.terminated = true;
                    this.sink.error(error);
                }
                else if (this.lastPageSeen) {
                    this.terminated = true;
                    this.sink.complete();
                }
                else if (this.sink.requestedFromDownstream() > 0) {
                    fetch();
                }
            }
            missed = this.wip.addAndGet(-missed);
        }
        while (missed != 0);
    }

    private void fetch() {
        this.fetching = true;
        int start = this.nextStart;
        Mono<CteraPage<T>> page;
        try {
            page = Objects.requireNonNull(this.fetchAt.apply(start), "fetchAt returned null");
        }
        catch (RuntimeException ex) {
            failed(ex);
            return;
        }
        this.inFlight.update(page
            .switchIfEmpty(Mono.error(() -> new MalformedXmlException(
                    "expected a page at startFrom=" + start + ", found no answer")))
            .subscribe(received -> received(start, received), this::failed));
    }

    private void received(int start, CteraPage<T> page) {
        try {
            if (page.hasMore() && page.items().isEmpty()) {
                throw Paging.emptyPageWithMore(start);
            }
            this.limit.check(start, this.total, page, this.previous);
            this.total += page.items().size();
            this.previous = page.items();
            if (page.hasMore()) {
                this.nextStart = Paging.nextStart(start, this.pageSize);
            }
            this.buffer.addAll(page.items());
            this.lastPageSeen = !page.hasMore();
        }
        catch (RuntimeException | Error ex) {
            // An error here must still end the listing: nothing else would signal the subscriber.
            this.failure = ex;
        }
        this.fetching = false;
        drain();
    }

    private void failed(Throwable error) {
        this.failure = error;
        this.fetching = false;
        drain();
    }
}
