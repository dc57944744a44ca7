package com.ctera.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlWriter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** One page of a query: the matching objects from {@code startFrom}, at most {@code countLimit}, and {@code hasMore}. */
record QueryPage<T>(List<T> items, boolean hasMore) {

    /** Objects are rendered and sent in chunks of this many, so a large page is never one big string. */
    private static final int CHUNK = 64;

    /** Walks the (sorted) source once, skipping {@code startFrom} matches and peeking one past the page. */
    static <T> QueryPage<T> of(Iterable<T> source, QueryParams params,
            Function<T, Function<String, @Nullable String>> fields) {
        List<T> page = new ArrayList<>(Math.min(params.countLimit(), 1024));
        long skipped = 0;
        for (T item : source) {
            if (!params.matches(fields.apply(item))) {
                continue;
            }
            if (skipped < params.startFrom()) {
                skipped++;
                continue;
            }
            if (page.size() == params.countLimit()) {
                return new QueryPage<>(page, true);
            }
            page.add(item);
        }
        return new QueryPage<>(page, false);
    }

    /** The {@code QueryResult} answer, streamed; {@code render} gives each item's full object. */
    PortalAnswer answer(QueryParams params, Function<T, XmlObj> render) {
        Projection projection = (params.include() != null) ? Projection.ofIncludes(params.include()) : null;
        String head = "<obj class=\"QueryResult\"><att id=\"hasMore\"><val>" + this.hasMore
                + "</val></att><att id=\"objects\">";
        if (this.items.isEmpty()) {
            return PortalAnswer.okStream(Flux.just(head + "<list /></att></obj>"));
        }
        Flux<String> body = Flux.range(0, (this.items.size() + CHUNK - 1) / CHUNK).map(chunk -> {
            StringBuilder out = new StringBuilder(CHUNK * 256);
            if (chunk == 0) {
                out.append(head).append("<list>");
            }
            int end = Math.min(this.items.size(), (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                XmlObj full = render.apply(this.items.get(i));
                XmlWriter.append(out, (projection != null) ? projection.apply(full, full.className()) : full);
            }
            if (end == this.items.size()) {
                out.append("</list></att></obj>");
            }
            return out.toString();
        });
        return PortalAnswer.okStream(body);
    }
}
