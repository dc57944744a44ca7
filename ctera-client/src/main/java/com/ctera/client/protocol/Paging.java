package com.ctera.client.protocol;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.ctera.client.CteraPage;
import com.ctera.client.CteraProtocolException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Turns a paged query ({@code startFrom} / {@code countLimit} / {@code hasMore}) into a lazy sequence of items that
 * fetches a page only when its consumer has used up the previous one and wants more.
 *
 * <p>A portal that answers {@code hasMore=true} with an empty page would otherwise be asked forever; the first such
 * page ends the sequence with a {@link MalformedXmlException} (the items before it are delivered). One that answers
 * {@code hasMore=true} without end is stopped by a {@link Limit}: more items than it allows, or the same page twice in
 * a row, end the sequence with a {@link CteraProtocolException}.
 */
public final class Paging {

    /** The most items a listing delivers unless told otherwise. */
    public static final long DEFAULT_MAX_ITEMS = 10_000_000L;

    private Paging() {
    }

    /**
     * What bounds one listing.
     * @param operation the operation that fetches the pages, named in the error
     * @param maxItems the most items the listing may deliver
     */
    public record Limit(String operation, long maxItems) {

        /** The default bound of a listing whose operation is not named. */
        public static final Limit DEFAULT = new Limit("list", DEFAULT_MAX_ITEMS);

        /** Validates the bound. */
        public Limit {
            if (maxItems < 1) {
                throw new IllegalArgumentException("maxItems must be positive, was " + maxItems);
            }
        }

        /** The page at {@code startFrom} brings the listing past the limit. */
        CteraProtocolException exceeded(int startFrom) {
            return new CteraProtocolException(this.operation, 200, this.operation + " failed: the listing goes on "
                    + "past the limit of " + this.maxItems + " items (page at startFrom=" + startFrom
                    + "); raise CteraPortalBuilder.maxListItems, property limits.max-list-items", null);
        }

        /** The page at {@code startFrom} repeats the one before it, so the listing would never end. */
        CteraProtocolException repeated(int startFrom) {
            return new CteraProtocolException(this.operation, 200, this.operation + " failed: the portal answered "
                    + "the page at startFrom=" + startFrom + " with the same items as the page before it and "
                    + "hasMore=true; the listing would never end (bounded by property limits.max-list-items)", null);
        }

        /**
         * Checks a page with {@code hasMore=true} or not against the items seen so far.
         * @param total the items delivered before this page
         * @param previous the items of the page before, or {@code null} for the first page
         */
        void check(int startFrom, long total, CteraPage<?> page, @Nullable List<?> previous) {
            if (total + page.items().size() > this.maxItems) {
                throw exceeded(startFrom);
            }
            if (page.hasMore() && previous != null && previous.equals(page.items())) {
                throw repeated(startFrom);
            }
        }
    }

    /**
     * The items of all pages, fetching {@code startFrom = 0, pageSize, 2*pageSize...} while {@code hasMore}, each
     * page only when the subscriber has requested more items than the pages so far delivered. The fetch function is
     * called once per page, when the page is needed; cancelling disposes a fetch in flight.
     */
    public static <T> Flux<T> flux(IntFunction<Mono<CteraPage<T>>> fetchAt, int pageSize) {
        return flux(fetchAt, pageSize, Limit.DEFAULT);
    }

    /** {@link #flux(IntFunction, int)} bounded by {@code limit}. */
    public static <T> Flux<T> flux(IntFunction<Mono<CteraPage<T>>> fetchAt, int pageSize, Limit limit) {
        Objects.requireNonNull(fetchAt, "fetchAt");
        Objects.requireNonNull(limit, "limit");
        requirePositive(pageSize);
        return Flux.create(sink -> new PagedFluxDriver<>(sink, fetchAt, pageSize, limit).start(),
                FluxSink.OverflowStrategy.BUFFER);
    }

    /**
     * The items of all pages as a sequential stream. Nothing is fetched until the first item is pulled; the next page
     * is fetched when the consumer reaches the end of the current one. Fetch failures surface from the terminal
     * operation.
     */
    public static <T> Stream<T> stream(IntFunction<CteraPage<T>> fetchAt, int pageSize) {
        return stream(fetchAt, pageSize, Limit.DEFAULT);
    }

    /** {@link #stream(IntFunction, int)} bounded by {@code limit}. */
    public static <T> Stream<T> stream(IntFunction<CteraPage<T>> fetchAt, int pageSize, Limit limit) {
        Objects.requireNonNull(fetchAt, "fetchAt");
        Objects.requireNonNull(limit, "limit");
        requirePositive(pageSize);
        return StreamSupport.stream(new PageSpliterator<>(fetchAt, pageSize, limit), false);
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

        private final Limit limit;

        private Iterator<T> current = Collections.emptyIterator();

        private @Nullable List<T> previous;

        private long total;

        private int nextStart;

        private boolean lastPageSeen;

        PageSpliterator(IntFunction<CteraPage<T>> fetchAt, int pageSize, Limit limit) {
            this.fetchAt = fetchAt;
            this.pageSize = pageSize;
            this.limit = limit;
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
                try {
                    this.limit.check(start, this.total, page, this.previous);
                }
                catch (CteraProtocolException ex) {
                    this.lastPageSeen = true;
                    throw ex;
                }
                this.total += page.items().size();
                this.previous = page.items();
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
