package com.ctera.client;

import java.util.List;
import java.util.function.Function;

/** One page of a paged portal answer: its items, in the portal's order, and whether another page follows. */
public record CteraPage<T>(List<T> items, boolean hasMore) {

    public CteraPage {
        items = List.copyOf(items);
    }

    /** The last page, with no items. */
    public static <T> CteraPage<T> empty() {
        return new CteraPage<>(List.of(), false);
    }

    /** The same page with every item converted. */
    public <R> CteraPage<R> map(Function<? super T, ? extends R> mapper) {
        return new CteraPage<>(this.items.stream().<R>map(mapper).toList(), this.hasMore);
    }
}
