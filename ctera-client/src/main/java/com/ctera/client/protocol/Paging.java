package com.ctera.client.protocol;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.ctera.client.CteraPage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Turns a paged query ({@code startFrom} / {@code countLimit} / {@code hasMore}) into a lazy sequence of items that
 * fetches a page only when its consumer has used up the previous one and wants more.
 *
 * <p>A portal that answers {@code hasMore=true} with an empty page would otherwise be asked forever; the first such
 * page ends the sequence with a {@link MalformedXmlException} (the items before it are delivered).
 */
public final class Paging {

    private Paging() {
    }

    /**
     * The items of all pages, fetching {@code startFrom = 0, pageSize, 2*pageSize...} while {@code hasMore}, each
     * page only when the subscriber has requested more items than the pages so far delivered. The fetch function is
     * called once per page, when the page is needed; cancelling disposes a fetch in flight.
     */
    public static <T> Flux<T> flux(IntFunction<Mono<CteraPage<T>>> fetchAt, int pageSize) {
        Objects.requireNonNull(fetchAt, "fetchAt");
        requirePositive(pageSize);
        return Flux.create(sink -> new PagedFluxDriver<>(sink, fetchAt, pageSize).start(),
                FluxSink.OverflowStrategy.BUFFER);
    }

    /**
     * The items of all pages as a sequential stream. Nothing is fetched until the first item is pulled; the next page
     * is fetched when the consumer reaches the end of the current one. Fetch failures surface from the terminal
     * operation.
     */
    public static <T> Stream<T> stream(IntFunction<CteraPage<T>> fetchAt, int pageSize) {
        Objects.requireNonNull(fetchAt, "fetchAt");
        requirePositive(pageSize);
        return StreamSupport.stream(new PageSpliterator<>(fetchAt, pageSize), false);
    }

    static MalformedXmlException emptyPageWithMore(int startFrom) {
        return new MalformedXmlException("expected items or hasMore=false in the page at startFrom=" + startFrom
                + ", found an empty page with hasMore=true");
    }

    // Past Integer.MAX_VALUE the portal's startFrom cannot express the next page; refuse rather than wrap around.
    static int nextStart(int startFrom, int pageSize) {
        long next = (long) startFrom + pageSize;
        if (next > Integer.MAX_VALUE) {
            throw new MalformedXmlException("expected the last page before startFrom exceeds " + Integer.MAX_VALUE
                    + ", found hasMore=true at startFrom=" + startFrom);
        }
        return (int) next;
    }

    private static void requirePositive(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
    }

    private static final class PageSpliterator<T> implements Spliterator<T> {

        private final IntFunction<CteraPage<T>> fetchAt;

        private final int pageSize;

        private Iterator<T> current = Collections.emptyIterator();

        private int nextStart;

        private boolean lastPageSeen;

        PageSpliterator(IntFunction<CteraPage<T>> fetchAt, int pageSize) {
            this.fetchAt = fetchAt;
            this.pageSize = pageSize;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (!this.current.hasNext()) {
                if (this.lastPageSeen) {
                    return false;
                }
                int start = this.nextStart;
                CteraPage<T> page = Objects.requireNonNull(this.fetchAt.apply(start), "fetchAt returned null");
                if (page.hasMore() && page.items().isEmpty()) {
                    this.lastPageSeen = true;
                    throw emptyPageWithMore(start);
                }
                this.lastPageSeen = !page.hasMore();
                if (!this.lastPageSeen) {
                    this.nextStart = nextStart(start, this.pageSize);
                }
                this.current = page.items().iterator();
            }
            action.accept(this.current.next());
            return true;
        }

        @Override
        public @Nullable Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return ORDERED | NONNULL;
        }
    }
}
